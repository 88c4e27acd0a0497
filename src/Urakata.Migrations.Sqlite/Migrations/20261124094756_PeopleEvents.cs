using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeopleEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hr_checklist_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    offset_days = table.Column<int>(type: "INTEGER", nullable: false),
                    day_of_next_month = table.Column<int>(type: "INTEGER", nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_checklist_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hr_employee_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    position_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    recorded_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    applied_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_employee_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_employee_events_hr_employees_employee_id",
                        column: x => x.employee_id,
                        principalTable: "hr_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "hr_employee_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    event_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employee_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    due_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    done_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    done_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hr_employee_tasks", x => x.id);
                    table.ForeignKey(
                        name: "fk_hr_employee_tasks_hr_employee_events_event_id",
                        column: x => x.event_id,
                        principalTable: "hr_employee_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hr_checklist_items_company_id_kind_sort_order",
                table: "hr_checklist_items",
                columns: new[] { "company_id", "kind", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employee_events_company_id_employee_id_effective_on",
                table: "hr_employee_events",
                columns: new[] { "company_id", "employee_id", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employee_events_employee_id",
                table: "hr_employee_events",
                column: "employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_hr_employee_events_state_effective_on",
                table: "hr_employee_events",
                columns: new[] { "state", "effective_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employee_tasks_company_id_done_at_due_on",
                table: "hr_employee_tasks",
                columns: new[] { "company_id", "done_at", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employee_tasks_company_id_event_id",
                table: "hr_employee_tasks",
                columns: new[] { "company_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hr_employee_tasks_event_id",
                table: "hr_employee_tasks",
                column: "event_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hr_checklist_items");

            migrationBuilder.DropTable(
                name: "hr_employee_tasks");

            migrationBuilder.DropTable(
                name: "hr_employee_events");
        }
    }
}
