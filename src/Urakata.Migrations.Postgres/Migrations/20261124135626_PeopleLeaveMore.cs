using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Urakata.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeopleLeaveMore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "caution_percent",
                table: "hr_overtime_agreements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "warning_percent",
                table: "hr_overtime_agreements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                table: "hr_leave_takings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "cancelled_at",
                table: "hr_leave_takings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "cancelled_by",
                table: "hr_leave_takings",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "half",
                table: "hr_leave_takings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "caution_percent",
                table: "hr_overtime_agreements");

            migrationBuilder.DropColumn(
                name: "warning_percent",
                table: "hr_overtime_agreements");

            migrationBuilder.DropColumn(
                name: "cancel_reason",
                table: "hr_leave_takings");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "hr_leave_takings");

            migrationBuilder.DropColumn(
                name: "cancelled_by",
                table: "hr_leave_takings");

            migrationBuilder.DropColumn(
                name: "half",
                table: "hr_leave_takings");
        }
    }
}
