using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowProxyApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A rename (代理承認 = ProxyApproval in the glossary): the rows stay.
            migrationBuilder.RenameTable(name: "wf_delegations", newName: "wf_proxy_approvals");
            migrationBuilder.RenameIndex(name: "ix_wf_delegations_company_id_delegator_id", table: "wf_proxy_approvals", newName: "ix_wf_proxy_approvals_company_id_delegator_id");
            migrationBuilder.RenameIndex(name: "ix_wf_delegations_company_id_deputy_id_from", table: "wf_proxy_approvals", newName: "ix_wf_proxy_approvals_company_id_deputy_id_from");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "wf_proxy_approvals", newName: "wf_delegations");
            migrationBuilder.RenameIndex(name: "ix_wf_proxy_approvals_company_id_delegator_id", table: "wf_delegations", newName: "ix_wf_delegations_company_id_delegator_id");
            migrationBuilder.RenameIndex(name: "ix_wf_proxy_approvals_company_id_deputy_id_from", table: "wf_delegations", newName: "ix_wf_delegations_company_id_deputy_id_from");
        }
    }
}
