using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowKindsRoutesInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "amount",
                table: "wf_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_name",
                table: "wf_requests",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "current_step_name",
                table: "wf_requests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "decided_at",
                table: "wf_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "form_values",
                table: "wf_requests",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "form_version",
                table: "wf_requests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "rounds",
                table: "wf_requests",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "route_id",
                table: "wf_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "route_name",
                table: "wf_requests",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "route_version",
                table: "wf_requests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "submitted_at",
                table: "wf_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "wf_absences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_absences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_delegations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    delegator_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    deputy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind_codes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    only_when_absent = table.Column<bool>(type: "INTEGER", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    is_revoked = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_delegations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_kinds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    number_prefix = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    forms = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_kinds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_participants",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_participants", x => new { x.request_id, x.user_id, x.kind });
                    table.ForeignKey(
                        name: "fk_wf_participants_wf_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "wf_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wf_routes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    versions = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_routes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_wf_requests_company_id_status_submitted_at",
                table: "wf_requests",
                columns: new[] { "company_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_absences_company_id_user_id_from",
                table: "wf_absences",
                columns: new[] { "company_id", "user_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_delegations_company_id_delegator_id",
                table: "wf_delegations",
                columns: new[] { "company_id", "delegator_id" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_delegations_company_id_deputy_id_from",
                table: "wf_delegations",
                columns: new[] { "company_id", "deputy_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_kinds_company_id_code",
                table: "wf_kinds",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wf_participants_company_id_user_id_kind_since",
                table: "wf_participants",
                columns: new[] { "company_id", "user_id", "kind", "since" });

            migrationBuilder.CreateIndex(
                name: "ix_wf_routes_company_id_kind_code_department_id",
                table: "wf_routes",
                columns: new[] { "company_id", "kind_code", "department_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wf_absences");

            migrationBuilder.DropTable(
                name: "wf_delegations");

            migrationBuilder.DropTable(
                name: "wf_kinds");

            migrationBuilder.DropTable(
                name: "wf_participants");

            migrationBuilder.DropTable(
                name: "wf_routes");

            migrationBuilder.DropIndex(
                name: "ix_wf_requests_company_id_status_submitted_at",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "amount",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "applicant_name",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "current_step_name",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "decided_at",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "form_values",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "form_version",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "rounds",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "route_id",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "route_name",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "route_version",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "wf_requests");
        }
    }
}
