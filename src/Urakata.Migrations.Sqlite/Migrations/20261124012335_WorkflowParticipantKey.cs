using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowParticipantKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keep the inbox rows: set them aside, let the table be rebuilt with the new key, put them back with fresh ids.
            migrationBuilder.Sql("CREATE TABLE wf_participants_backup AS SELECT company_id, request_id, user_id, kind, since FROM wf_participants; DELETE FROM wf_participants;");

            migrationBuilder.DropPrimaryKey(
                name: "pk_wf_participants",
                table: "wf_participants");

            migrationBuilder.AddColumn<Guid>(
                name: "id",
                table: "wf_participants",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddPrimaryKey(
                name: "pk_wf_participants",
                table: "wf_participants",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_participants_request_id",
                table: "wf_participants",
                column: "request_id");

            migrationBuilder.Sql("INSERT INTO wf_participants (id, company_id, request_id, user_id, kind, since) " +
                "SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))), " +
                "company_id, request_id, user_id, kind, since FROM wf_participants_backup; DROP TABLE wf_participants_backup;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_wf_participants",
                table: "wf_participants");

            migrationBuilder.DropIndex(
                name: "ix_wf_participants_request_id",
                table: "wf_participants");

            migrationBuilder.DropColumn(
                name: "id",
                table: "wf_participants");

            migrationBuilder.AddPrimaryKey(
                name: "pk_wf_participants",
                table: "wf_participants",
                columns: new[] { "request_id", "user_id", "kind" });
        }
    }
}
