using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeopleWorkRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "core_end",
                table: "hr_work_rules",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "core_start",
                table: "hr_work_rules",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "flex_daily_minutes",
                table: "hr_work_rules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "flex_months",
                table: "hr_work_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "flex_start_month",
                table: "hr_work_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "flex_total_minutes",
                table: "hr_work_rules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_system",
                table: "hr_work_rules",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<int>(
                name: "variable_start_day",
                table: "hr_work_rules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<Guid>(
                name: "work_rule_id",
                table: "hr_employees",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hr_shifts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    start = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    end = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    break_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_shifts", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_shifts_hr_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employees_work_rule_id",
                table: "hr_employees",
                column: "work_rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_shifts_company_id_employee_id_date",
                table: "hr_shifts",
                columns: new[] { "company_id", "employee_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_hr_shifts_employee_id",
                table: "hr_shifts",
                column: "employee_id");

            migrationBuilder.AddForeignKey(
                name: "fk_hr_employees_work_rule_work_rule_id",
                table: "hr_employees",
                column: "work_rule_id",
                principalTable: "hr_work_rules",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_hr_employees_work_rule_work_rule_id",
                table: "hr_employees");

            migrationBuilder.DropTable(
                name: "hr_shifts");

            migrationBuilder.DropIndex(
                name: "ix_hr_employees_work_rule_id",
                table: "hr_employees");

            migrationBuilder.DropColumn(
                name: "core_end",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "core_start",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "flex_daily_minutes",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "flex_months",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "flex_start_month",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "flex_total_minutes",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "time_system",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "variable_start_day",
                table: "hr_work_rules");

            migrationBuilder.DropColumn(
                name: "work_rule_id",
                table: "hr_employees");
        }
    }
}
