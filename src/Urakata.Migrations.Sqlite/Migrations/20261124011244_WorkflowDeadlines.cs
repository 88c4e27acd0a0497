using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "current_due_date",
                table: "wf_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_wf_requests_status_current_due_date",
                table: "wf_requests",
                columns: new[] { "status", "current_due_date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_wf_requests_status_current_due_date",
                table: "wf_requests");

            migrationBuilder.DropColumn(
                name: "current_due_date",
                table: "wf_requests");
        }
    }
}
