using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleEmployees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hr_employees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    search_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    hire_date = table.Column<DateOnly>(type: "date", nullable: false),
                    retirement_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    employment_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    work_days_per_week = table.Column<int>(type: "integer", nullable: true),
                    work_minutes_per_day = table.Column<int>(type: "integer", nullable: true),
                    annual_work_days = table.Column<int>(type: "integer", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position_id = table.Column<Guid>(type: "uuid", nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    postal_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    emergency_contact_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    emergency_contact_relation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    emergency_contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    pay_bank_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    pay_branch_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    pay_account_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    pay_account_number = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    pay_account_holder = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    my_number_protected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_employees", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_employees_pf_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "pf_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hr_employees_pf_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "pf_positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_hr_employees_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_dependants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    employee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kana = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    relation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    lives_together = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_dependants", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_dependants_employee_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hr_dependants_company_id_employee_id",
                table: "hr_dependants",
                columns: new[] { "company_id", "employee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_dependants_employee_id",
                table: "hr_dependants",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_company_id_department_id",
                table: "hr_employees",
                columns: new[] { "company_id", "department_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_company_id_number",
                table: "hr_employees",
                columns: new[] { "company_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_company_id_user_id",
                table: "hr_employees",
                columns: new[] { "company_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_department_id",
                table: "hr_employees",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_position_id",
                table: "hr_employees",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_user_id",
                table: "hr_employees",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hr_dependants");

            migrationBuilder.DropTable(
                name: "hr_employees");
        }
    }
}
