using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleEmployeeDateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_month_totals_company_id_employee_id_month",
                table: "hr_attendance_month_totals");

            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_month_totals_employee_id",
                table: "hr_attendance_month_totals");

            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_days_company_id_employee_id_date",
                table: "hr_attendance_days");

            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_days_employee_id",
                table: "hr_attendance_days");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_month_totals_employee_id_month",
                table: "hr_attendance_month_totals",
                columns: new[] { "employee_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_days_employee_id_date",
                table: "hr_attendance_days",
                columns: new[] { "employee_id", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_month_totals_employee_id_month",
                table: "hr_attendance_month_totals");

            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_days_employee_id_date",
                table: "hr_attendance_days");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_month_totals_company_id_employee_id_month",
                table: "hr_attendance_month_totals",
                columns: new[] { "company_id", "employee_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_month_totals_employee_id",
                table: "hr_attendance_month_totals",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_days_company_id_employee_id_date",
                table: "hr_attendance_days",
                columns: new[] { "company_id", "employee_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_days_employee_id",
                table: "hr_attendance_days",
                column: "employee_id");
        }
    }
}
