using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeopleAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hr_attendance_closes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_attendance_closes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_attendance_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_attendance_days", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_attendance_days_employee_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_work_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    is_default = table.Column<bool>(type: "INTEGER", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    break_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    week_start = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    statutory_rest_day = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    scheduled_rest_days = table.Column<int>(type: "INTEGER", nullable: false),
                    holidays_off = table.Column<bool>(type: "INTEGER", nullable: false),
                    rounding_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_work_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_attendance_spans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attendance_day_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    start_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    end_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_attendance_spans", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_attendance_spans_hr_attendance_days_attendance_day_id",
                        column: x => x.attendance_day_id,
                        principalTable: "hr_attendance_days",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_closes_company_id_month",
                table: "hr_attendance_closes",
                columns: new[] { "company_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_days_company_id_employee_id_date",
                table: "hr_attendance_days",
                columns: new[] { "company_id", "employee_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_days_employee_id",
                table: "hr_attendance_days",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_spans_attendance_day_id",
                table: "hr_attendance_spans",
                column: "attendance_day_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_spans_company_id_attendance_day_id",
                table: "hr_attendance_spans",
                columns: new[] { "company_id", "attendance_day_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_work_rules_company_id_is_default",
                table: "hr_work_rules",
                columns: new[] { "company_id", "is_default" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hr_attendance_closes");

            migrationBuilder.DropTable(
                name: "hr_attendance_spans");

            migrationBuilder.DropTable(
                name: "hr_work_rules");

            migrationBuilder.DropTable(
                name: "hr_attendance_days");
        }
    }
}
