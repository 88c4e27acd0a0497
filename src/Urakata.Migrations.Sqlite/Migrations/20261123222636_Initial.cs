using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pf_audit_chains",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_audit_chains", x => x.company_id);
                });

            migrationBuilder.CreateTable(
                name: "pf_audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ip_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    changes = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_companies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_kana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    corporate_number = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    invoice_registration_number = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    fiscal_year_end_month = table.Column<int>(type: "INTEGER", nullable: false),
                    postal_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_companies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_company_holidays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_company_holidays", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    size = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_files", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_idempotency_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    response_body = table.Column<string>(type: "TEXT", nullable: true),
                    location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_idempotency_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_number_sequences",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    next_value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_number_sequences", x => new { x.company_id, x.kind, x.fiscal_year });
                });

            migrationBuilder.CreateTable(
                name: "pf_outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    processed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    locked_until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    display_name_kana = table.Column<string>(type: "TEXT", nullable: true),
                    is_disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    current_company_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    preferred_culture = table.Column<string>(type: "TEXT", nullable: true),
                    last_totp_time_step = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pf_departments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_kana = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_departments", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_departments_pf_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "pf_companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pf_departments_pf_departments_parent_id",
                        column: x => x.parent_id,
                        principalTable: "pf_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pf_positions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_positions", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_positions_pf_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "pf_companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pf_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_roles_pf_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "pf_companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pf_access_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_access_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_access_tokens_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pf_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employee_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_memberships_pf_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "pf_companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pf_memberships_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pf_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_user_claims_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pf_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_pf_user_logins_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pf_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_pf_user_tokens_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pf_org_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_primary = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_org_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_pf_org_assignments_pf_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "pf_departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pf_org_assignments_pf_users_user_id",
                        column: x => x.user_id,
                        principalTable: "pf_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_pf_org_assignments_positions_position_id",
                        column: x => x.position_id,
                        principalTable: "pf_positions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pf_role_permissions",
                columns: table => new
                {
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    permission = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_role_permissions", x => new { x.role_id, x.permission });
                    table.ForeignKey(
                        name: "fk_pf_role_permissions_pf_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "pf_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pf_membership_roles",
                columns: table => new
                {
                    membership_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pf_membership_roles", x => new { x.membership_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_pf_membership_roles_pf_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "pf_memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pf_membership_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "pf_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pf_access_tokens_company_id_user_id",
                table: "pf_access_tokens",
                columns: new[] { "company_id", "user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_access_tokens_token_hash",
                table: "pf_access_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_access_tokens_user_id",
                table: "pf_access_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_audit_events_company_id_entity_type_entity_id",
                table: "pf_audit_events",
                columns: new[] { "company_id", "entity_type", "entity_id" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_audit_events_company_id_occurred_at",
                table: "pf_audit_events",
                columns: new[] { "company_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_audit_events_company_id_sequence",
                table: "pf_audit_events",
                columns: new[] { "company_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_company_holidays_company_id_date",
                table: "pf_company_holidays",
                columns: new[] { "company_id", "date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_departments_company_id_code",
                table: "pf_departments",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_departments_parent_id",
                table: "pf_departments",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_files_company_id_sha256",
                table: "pf_files",
                columns: new[] { "company_id", "sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_idempotency_keys_user_id_key",
                table: "pf_idempotency_keys",
                columns: new[] { "user_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_membership_roles_role_id",
                table: "pf_membership_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_memberships_company_id_user_id",
                table: "pf_memberships",
                columns: new[] { "company_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_memberships_user_id",
                table: "pf_memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_notifications_company_id_user_id_created_at",
                table: "pf_notifications",
                columns: new[] { "company_id", "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_org_assignments_company_id_department_id_effective_from",
                table: "pf_org_assignments",
                columns: new[] { "company_id", "department_id", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_org_assignments_company_id_user_id_effective_from",
                table: "pf_org_assignments",
                columns: new[] { "company_id", "user_id", "effective_from" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_org_assignments_department_id",
                table: "pf_org_assignments",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_org_assignments_position_id",
                table: "pf_org_assignments",
                column: "position_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_org_assignments_user_id",
                table: "pf_org_assignments",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_outbox_messages_processed_at_occurred_at",
                table: "pf_outbox_messages",
                columns: new[] { "processed_at", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pf_positions_company_id_code",
                table: "pf_positions",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_roles_company_id_name",
                table: "pf_roles",
                columns: new[] { "company_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pf_user_claims_user_id",
                table: "pf_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_pf_user_logins_user_id",
                table: "pf_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "pf_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "pf_users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pf_access_tokens");

            migrationBuilder.DropTable(
                name: "pf_audit_chains");

            migrationBuilder.DropTable(
                name: "pf_audit_events");

            migrationBuilder.DropTable(
                name: "pf_company_holidays");

            migrationBuilder.DropTable(
                name: "pf_files");

            migrationBuilder.DropTable(
                name: "pf_idempotency_keys");

            migrationBuilder.DropTable(
                name: "pf_membership_roles");

            migrationBuilder.DropTable(
                name: "pf_notifications");

            migrationBuilder.DropTable(
                name: "pf_number_sequences");

            migrationBuilder.DropTable(
                name: "pf_org_assignments");

            migrationBuilder.DropTable(
                name: "pf_outbox_messages");

            migrationBuilder.DropTable(
                name: "pf_role_permissions");

            migrationBuilder.DropTable(
                name: "pf_user_claims");

            migrationBuilder.DropTable(
                name: "pf_user_logins");

            migrationBuilder.DropTable(
                name: "pf_user_tokens");

            migrationBuilder.DropTable(
                name: "pf_memberships");

            migrationBuilder.DropTable(
                name: "pf_departments");

            migrationBuilder.DropTable(
                name: "pf_positions");

            migrationBuilder.DropTable(
                name: "pf_roles");

            migrationBuilder.DropTable(
                name: "pf_users");

            migrationBuilder.DropTable(
                name: "pf_companies");
        }
    }
}
