using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountingLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "acc_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kana = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    search_key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    english_name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    normal_side = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    default_tax_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_balances",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    period = table.Column<int>(type: "INTEGER", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sub_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    debit = table.Column<long>(type: "INTEGER", nullable: false),
                    credit = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_balances", x => new { x.company_id, x.fiscal_year, x.period, x.account_id, x.sub_account_id, x.department_id });
                });

            migrationBuilder.CreateTable(
                name: "acc_entry_evidence",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    attached_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    attached_by = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_entry_evidence", x => new { x.entry_id, x.file_id });
                });

            migrationBuilder.CreateTable(
                name: "acc_fiscal_years",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    locked_through = table.Column<int>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    carry_forward_entry_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_fiscal_years", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_journal_chains",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_journal_chains", x => x.company_id);
                });

            migrationBuilder.CreateTable(
                name: "acc_journal_drafts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    lines = table.Column<string>(type: "text", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_journal_drafts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_journal_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    period = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    number = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reversal_of = table.Column<Guid>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    posted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    posted_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    posted_by_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    chain_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    total_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_journal_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_partners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kana = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    search_key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    is_individual = table.Column<bool>(type: "INTEGER", nullable: false),
                    corporate_number = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    invoice_registration_number = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    registered_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    registered_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_partners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bookkeeping = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    tax_method = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    rounding = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    simplified_business_category = table.Column<int>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_tax_rates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    rate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    national_rate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_tax_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_transitional_credit_rates",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    share = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: false),
                    confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_transitional_credit_rates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "acc_sub_accounts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    kana = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    search_key = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_sub_accounts", x => x.id);
                    table.ForeignKey(
                        name: "fk_acc_sub_accounts_acc_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "acc_accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "acc_journal_lines",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    line_no = table.Column<int>(type: "INTEGER", nullable: false),
                    entry_number = table.Column<long>(type: "INTEGER", nullable: false),
                    company_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    period = table.Column<int>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sub_account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    department_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    debit = table.Column<long>(type: "INTEGER", nullable: false),
                    credit = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    tax_rate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    tax_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    is_tax_line = table.Column<bool>(type: "INTEGER", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_acc_journal_lines", x => new { x.entry_id, x.line_no });
                    table.ForeignKey(
                        name: "fk_acc_journal_lines_acc_journal_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "acc_journal_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "acc_tax_rates",
                columns: new[] { "id", "kind", "national_rate", "rate", "valid_from", "valid_to" },
                values: new object[,]
                {
                    { 1, "Standard", 0.04m, 0.05m, new DateOnly(1997, 4, 1), new DateOnly(2014, 3, 31) },
                    { 2, "Standard", 0.063m, 0.08m, new DateOnly(2014, 4, 1), new DateOnly(2019, 9, 30) },
                    { 3, "Standard", 0.078m, 0.10m, new DateOnly(2019, 10, 1), null },
                    { 4, "Reduced", 0.0624m, 0.08m, new DateOnly(2019, 10, 1), null }
                });

            migrationBuilder.InsertData(
                table: "acc_transitional_credit_rates",
                columns: new[] { "id", "confirmed", "share", "source", "valid_from", "valid_to" },
                values: new object[,]
                {
                    { 1, true, 1.00m, "before 2023-10-01 (区分記載請求書等保存方式)", new DateOnly(1989, 4, 1), new DateOnly(2023, 9, 30) },
                    { 2, true, 0.80m, "平成28年改正法附則52条 (reference §1.5)", new DateOnly(2023, 10, 1), new DateOnly(2026, 9, 30) },
                    { 3, false, 0.70m, "令和8年度改正大綱 (unconfirmed; pre-reform law: 50%)", new DateOnly(2026, 10, 1), new DateOnly(2028, 9, 30) },
                    { 4, true, 0.50m, "50% under both the law and the 大綱", new DateOnly(2028, 10, 1), new DateOnly(2029, 9, 30) },
                    { 5, false, 0.50m, "令和8年度改正大綱 (unconfirmed; pre-reform law: 0%)", new DateOnly(2029, 10, 1), new DateOnly(2030, 9, 30) },
                    { 6, false, 0.30m, "令和8年度改正大綱 (unconfirmed; pre-reform law: 0%)", new DateOnly(2030, 10, 1), new DateOnly(2031, 9, 30) },
                    { 7, true, 0m, "no transitional credit", new DateOnly(2031, 10, 1), null }
                });

            migrationBuilder.CreateIndex(
                name: "ix_acc_accounts_company_id_code",
                table: "acc_accounts",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_entry_evidence_company_id_file_id",
                table: "acc_entry_evidence",
                columns: new[] { "company_id", "file_id" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_fiscal_years_company_id_year",
                table: "acc_fiscal_years",
                columns: new[] { "company_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_drafts_company_id_created_by",
                table: "acc_journal_drafts",
                columns: new[] { "company_id", "created_by" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_entries_company_id_chain_sequence",
                table: "acc_journal_entries",
                columns: new[] { "company_id", "chain_sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_entries_company_id_date",
                table: "acc_journal_entries",
                columns: new[] { "company_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_entries_company_id_fiscal_year_number",
                table: "acc_journal_entries",
                columns: new[] { "company_id", "fiscal_year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_entries_company_id_reversal_of",
                table: "acc_journal_entries",
                columns: new[] { "company_id", "reversal_of" },
                unique: true,
                filter: "reversal_of IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_entries_company_id_source_source_key",
                table: "acc_journal_entries",
                columns: new[] { "company_id", "source", "source_key" },
                unique: true,
                filter: "source_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_entries_company_id_total_amount",
                table: "acc_journal_entries",
                columns: new[] { "company_id", "total_amount" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_lines_company_id_account_id_date_entry_number_line_no",
                table: "acc_journal_lines",
                columns: new[] { "company_id", "account_id", "date", "entry_number", "line_no" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_lines_company_id_fiscal_year_tax_code",
                table: "acc_journal_lines",
                columns: new[] { "company_id", "fiscal_year", "tax_code" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_journal_lines_company_id_partner_id_date",
                table: "acc_journal_lines",
                columns: new[] { "company_id", "partner_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_partners_company_id_code",
                table: "acc_partners",
                columns: new[] { "company_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_partners_company_id_invoice_registration_number",
                table: "acc_partners",
                columns: new[] { "company_id", "invoice_registration_number" });

            migrationBuilder.CreateIndex(
                name: "ix_acc_settings_company_id",
                table: "acc_settings",
                column: "company_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_acc_sub_accounts_account_id",
                table: "acc_sub_accounts",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_acc_sub_accounts_company_id_account_id_code",
                table: "acc_sub_accounts",
                columns: new[] { "company_id", "account_id", "code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acc_balances");

            migrationBuilder.DropTable(
                name: "acc_entry_evidence");

            migrationBuilder.DropTable(
                name: "acc_fiscal_years");

            migrationBuilder.DropTable(
                name: "acc_journal_chains");

            migrationBuilder.DropTable(
                name: "acc_journal_drafts");

            migrationBuilder.DropTable(
                name: "acc_journal_lines");

            migrationBuilder.DropTable(
                name: "acc_partners");

            migrationBuilder.DropTable(
                name: "acc_settings");

            migrationBuilder.DropTable(
                name: "acc_sub_accounts");

            migrationBuilder.DropTable(
                name: "acc_tax_rates");

            migrationBuilder.DropTable(
                name: "acc_transitional_credit_rates");

            migrationBuilder.DropTable(
                name: "acc_journal_entries");

            migrationBuilder.DropTable(
                name: "acc_accounts");
        }
    }
}
