using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleLeave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hr_leave_five_day_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    duty_from = table.Column<DateOnly>(type: "date", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_leave_five_day_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_leave_five_day_alerts_hr_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_leave_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    grant_date = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    grant_number = table.Column<int>(type: "integer", nullable: true),
                    attended_days = table.Column<int>(type: "integer", nullable: true),
                    total_work_days = table.Column<int>(type: "integer", nullable: true),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_leave_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_leave_grants_hr_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_leave_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    uniform_month = table.Column<int>(type: "integer", nullable: true),
                    uniform_day = table.Column<int>(type: "integer", nullable: true),
                    first_grant = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    hourly_leave_days_per_year = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_leave_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_leave_types",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    paid = table.Column<bool>(type: "boolean", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    is_system = table.Column<bool>(type: "boolean", nullable: false),
                    treatment = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_leave_types", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_leave_takings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    leave_type_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    hours = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_leave_takings", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_leave_takings_hr_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hr_leave_takings_hr_leave_types_leave_type_id",
                        column: x => x.leave_type_id,
                        principalTable: "hr_leave_types",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_five_day_alerts_company_id_employee_id_duty_from",
                table: "hr_leave_five_day_alerts",
                columns: new[] { "company_id", "employee_id", "duty_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_five_day_alerts_employee_id",
                table: "hr_leave_five_day_alerts",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_grants_company_id_employee_id_grant_date",
                table: "hr_leave_grants",
                columns: new[] { "company_id", "employee_id", "grant_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_grants_employee_id",
                table: "hr_leave_grants",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_settings_company_id",
                table: "hr_leave_settings",
                column: "company_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_takings_company_id_employee_id_date",
                table: "hr_leave_takings",
                columns: new[] { "company_id", "employee_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_takings_company_id_request_id",
                table: "hr_leave_takings",
                columns: new[] { "company_id", "request_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_takings_employee_id",
                table: "hr_leave_takings",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_takings_leave_type_id",
                table: "hr_leave_takings",
                column: "leave_type_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_leave_types_company_id_code",
                table: "hr_leave_types",
                columns: new[] { "company_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hr_leave_five_day_alerts");

            migrationBuilder.DropTable(
                name: "hr_leave_grants");

            migrationBuilder.DropTable(
                name: "hr_leave_settings");

            migrationBuilder.DropTable(
                name: "hr_leave_takings");

            migrationBuilder.DropTable(
                name: "hr_leave_types");
        }
    }
}
