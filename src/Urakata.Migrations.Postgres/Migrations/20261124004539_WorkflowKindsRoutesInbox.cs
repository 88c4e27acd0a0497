using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "applicant_name",
                table: "wf_requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "current_step_name",
                table: "wf_requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "decided_at",
                table: "wf_requests",
                type: "timestamp with time zone",
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
                type: "integer",
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "route_name",
                table: "wf_requests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "route_version",
                table: "wf_requests",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "submitted_at",
                table: "wf_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "wf_absences",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_absences", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_delegations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delegator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deputy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    kind_codes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    only_when_absent = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_revoked = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_delegations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_kinds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    number_prefix = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    forms = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wf_kinds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wf_participants",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    versions = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false)
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
