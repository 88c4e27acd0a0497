using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleAttendanceClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_closes_company_id_month",
                table: "hr_attendance_closes");

            migrationBuilder.AddColumn<DateTime>(
                name: "closed_at",
                table: "hr_attendance_closes",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<Guid>(
                name: "closed_by",
                table: "hr_attendance_closes",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "department_id",
                table: "hr_attendance_closes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reopen_reason",
                table: "hr_attendance_closes",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reopened_at",
                table: "hr_attendance_closes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reopened_by",
                table: "hr_attendance_closes",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hr_attendance_corrections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    original_spans = table.Column<string>(type: "text", nullable: false),
                    corrected_spans = table.Column<string>(type: "text", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    approved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    approved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_attendance_corrections", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_attendance_corrections_employee_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_attendance_month_totals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    close_id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    scheduled_work_days = table.Column<int>(type: "integer", nullable: false),
                    days_worked = table.Column<int>(type: "integer", nullable: false),
                    absence_days = table.Column<int>(type: "integer", nullable: false),
                    paid_leave_days = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    unpaid_leave_days = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    leave_hours = table.Column<int>(type: "integer", nullable: false),
                    worked_minutes = table.Column<int>(type: "integer", nullable: false),
                    within_scheduled_minutes = table.Column<int>(type: "integer", nullable: false),
                    non_statutory_overtime_minutes = table.Column<int>(type: "integer", nullable: false),
                    statutory_overtime_minutes = table.Column<int>(type: "integer", nullable: false),
                    weekly_overtime_minutes = table.Column<int>(type: "integer", nullable: false),
                    statutory_overtime_over60minutes = table.Column<int>(type: "integer", nullable: false),
                    night_minutes = table.Column<int>(type: "integer", nullable: false),
                    statutory_rest_day_work_minutes = table.Column<int>(type: "integer", nullable: false),
                    shortfall_minutes = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_attendance_month_totals", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_attendance_month_totals_employee_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hr_attendance_month_totals_hr_attendance_closes_close_id",
                        column: x => x.close_id,
                        principalTable: "hr_attendance_closes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_overtime_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    monthly_limit_minutes = table.Column<int>(type: "integer", nullable: false),
                    yearly_limit_minutes = table.Column<int>(type: "integer", nullable: false),
                    has_special_clause = table.Column<bool>(type: "boolean", nullable: false),
                    special_yearly_limit_minutes = table.Column<int>(type: "integer", nullable: false),
                    special_monthly_limit_minutes = table.Column<int>(type: "integer", nullable: true),
                    months_over_monthly_limit_per_year = table.Column<int>(type: "integer", nullable: false),
                    first_month = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_overtime_agreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_overtime_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    limit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_overtime_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_overtime_alerts_hr_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_closes_company_id_month_department_id",
                table: "hr_attendance_closes",
                columns: new[] { "company_id", "month", "department_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_corrections_company_id_employee_id_date",
                table: "hr_attendance_corrections",
                columns: new[] { "company_id", "employee_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_corrections_company_id_request_id",
                table: "hr_attendance_corrections",
                columns: new[] { "company_id", "request_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_corrections_employee_id",
                table: "hr_attendance_corrections",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_month_totals_close_id",
                table: "hr_attendance_month_totals",
                column: "close_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_month_totals_company_id_close_id",
                table: "hr_attendance_month_totals",
                columns: new[] { "company_id", "close_id" });

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
                name: "ix_hr_overtime_agreements_company_id",
                table: "hr_overtime_agreements",
                column: "company_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_overtime_alerts_company_id_employee_id_month_limit_level",
                table: "hr_overtime_alerts",
                columns: new[] { "company_id", "employee_id", "month", "limit", "level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_overtime_alerts_employee_id",
                table: "hr_overtime_alerts",
                column: "employee_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hr_attendance_corrections");

            migrationBuilder.DropTable(
                name: "hr_attendance_month_totals");

            migrationBuilder.DropTable(
                name: "hr_overtime_agreements");

            migrationBuilder.DropTable(
                name: "hr_overtime_alerts");

            migrationBuilder.DropIndex(
                name: "ix_hr_attendance_closes_company_id_month_department_id",
                table: "hr_attendance_closes");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "hr_attendance_closes");

            migrationBuilder.DropColumn(
                name: "closed_by",
                table: "hr_attendance_closes");

            migrationBuilder.DropColumn(
                name: "department_id",
                table: "hr_attendance_closes");

            migrationBuilder.DropColumn(
                name: "reopen_reason",
                table: "hr_attendance_closes");

            migrationBuilder.DropColumn(
                name: "reopened_at",
                table: "hr_attendance_closes");

            migrationBuilder.DropColumn(
                name: "reopened_by",
                table: "hr_attendance_closes");

            migrationBuilder.CreateIndex(
                name: "ix_hr_attendance_closes_company_id_month",
                table: "hr_attendance_closes",
                columns: new[] { "company_id", "month" },
                unique: true);
        }
    }
}
