using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowParticipantKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_wf_participants",
                table: "wf_participants");

            migrationBuilder.AddColumn<Guid>(
                name: "id",
                table: "wf_participants",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing inbox rows get ids of their own before the key is set.
            migrationBuilder.Sql("UPDATE wf_participants SET id = gen_random_uuid();");

            migrationBuilder.AddPrimaryKey(
                name: "pk_wf_participants",
                table: "wf_participants",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_wf_participants_request_id",
                table: "wf_participants",
                column: "request_id");
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
