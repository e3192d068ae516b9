using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MoiAimerToi.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemorySearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Memories",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Memories");
        }
    }
}
