using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowInboxFiledByIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_wf_requests_company_id_filed_by_status",
                table: "wf_requests",
                columns: new[] { "company_id", "filed_by", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_wf_requests_company_id_filed_by_status",
                table: "wf_requests");
        }
    }
}
