using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleSpanEmployeeDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_spans_company_id_attendance_day_id",
                table: "hr_attendance_spans");

            migrationBuilder.AddColumn<DateOnly>(
                name: "date",
                table: "hr_attendance_spans",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "employee_id",
                table: "hr_attendance_spans",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every existing span takes its day's employee and date (the entity copies them from now on).
            migrationBuilder.Sql("""
                UPDATE hr_attendance_spans SET employee_id = d.employee_id, date = d.date
                FROM hr_attendance_days AS d WHERE d.id = hr_attendance_spans.attendance_day_id
                """);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_spans_employee_id_date",
                table: "hr_attendance_spans",
                columns: new[] { "employee_id", "date" })
                .Annotation("Npgsql:IndexInclude", new[] { "company_id", "kind", "start_utc", "end_utc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_spans_employee_id_date",
                table: "hr_attendance_spans");

            migrationBuilder.DropColumn(
                name: "date",
                table: "hr_attendance_spans");

            migrationBuilder.DropColumn(
                name: "employee_id",
                table: "hr_attendance_spans");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_spans_company_id_attendance_day_id",
                table: "hr_attendance_spans",
                columns: new[] { "company_id", "attendance_day_id" });
        }
    }
}
