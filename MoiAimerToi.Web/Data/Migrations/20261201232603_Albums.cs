using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MoiAimerToi.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Albums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PhotoColor",
                table: "Memories",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhotoCount",
                table: "Memories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "VideoCount",
                table: "Memories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "MemoryMedia",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PosterFileName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OriginalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Color = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemoryMedia", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemoryMedia_Memories_MemoryId",
                        column: x => x.MemoryId,
                        principalTable: "Memories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemoryMedia_FileName",
                table: "MemoryMedia",
                column: "FileName");

            migrationBuilder.CreateIndex(
                name: "IX_MemoryMedia_MemoryId_Position",
                table: "MemoryMedia",
                columns: new[] { "MemoryId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_MemoryMedia_PosterFileName",
                table: "MemoryMedia",
                column: "PosterFileName");

            migrationBuilder.CreateIndex(
                name: "IX_MemoryMedia_Status",
                table: "MemoryMedia",
                column: "Status");

            // Each memory's one photo becomes the first (the cover) of its album.
            migrationBuilder.Sql("""
                INSERT INTO "MemoryMedia" ("MemoryId", "Position", "Kind", "Status", "FileName", "Width", "Height", "CreatedAt")
                SELECT "Id", 0, 'Photo', 'Ready', "PhotoFileName", COALESCE("PhotoWidth", 0), COALESCE("PhotoHeight", 0), "CreatedAt"
                FROM "Memories" WHERE "PhotoFileName" IS NOT NULL;
                UPDATE "Memories" SET "PhotoCount" = 1 WHERE "PhotoFileName" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemoryMedia");

            migrationBuilder.DropColumn(
                name: "PhotoColor",
                table: "Memories");

            migrationBuilder.DropColumn(
                name: "PhotoCount",
                table: "Memories");

            migrationBuilder.DropColumn(
                name: "VideoCount",
                table: "Memories");
        }
    }
}
