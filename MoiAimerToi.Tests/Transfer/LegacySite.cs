using System.Text;
using Microsoft.Data.Sqlite;
using MoiAimerToi.Tests.Photos;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace MoiAimerToi.Tests.Transfer;

/// <summary>
/// The old Flask site's files, built with its exact schema: <c>moi_aimer_toi.db</c> and an <c>uploads/</c> folder
/// whose names have spaces and accents (one stored decomposed, as a Mac copies it), one file missing,
/// one broken, and one row pointing outside the folder.
/// </summary>
public sealed class LegacySite : IDisposable
{
    public const string Schema = """
        CREATE TABLE couple_data (id INTEGER PRIMARY KEY, start_date TEXT, home_message TEXT, intro_text TEXT);
        CREATE TABLE memories (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT, description TEXT, photo_url TEXT, created_at TIMESTAMP);
        CREATE TABLE perspectives (id INTEGER PRIMARY KEY AUTOINCREMENT, perspective_number INTEGER, content TEXT, updated_at TIMESTAMP);
        """;

    public LegacySite()
    {
        Folder = Path.Combine(Path.GetTempPath(), "moiaimertoi-legacy", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Uploads);
        File.WriteAllBytes(Path.Combine(Uploads, "plage été 2019.jpg"), TestImages.Jpeg(800, 600));
        File.WriteAllBytes(Path.Combine(Uploads, "Noël chez Mamie.png".Normalize(NormalizationForm.FormD)), TestImages.Png(640, 480));
        File.WriteAllBytes(Path.Combine(Uploads, "cassée.jpg"), TestImages.Truncated(TestImages.Jpeg(400, 300)));
        File.WriteAllBytes(Path.Combine(Uploads, "réveillon.jpg"),
            TestImages.Jpeg(300, 200, exif => exif.SetValue(ExifTag.DateTimeOriginal, "2021:12:24 23:30:00")));
        File.WriteAllText(Path.Combine(Folder, "secret.txt"), "outside the uploads folder");

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, Schema);
        Execute(connection, """
            INSERT INTO couple_data VALUES (1, '2018-05-20', 'Bienvenue chez nous', 'On s’est rencontrés à Lyon.');
            INSERT INTO memories (title, description, photo_url, created_at) VALUES
                ('Plage à Biarritz', 'Soleil et vagues', '/uploads/plage été 2019.jpg', '2019-08-03 16:20:00'),
                ('Noël', '', '/uploads/Noël chez Mamie.png', '2019-12-25 18:00:00'),
                ('Montagne', 'Randonnée', '/uploads/perdue.jpg', '2020-02-01 09:00:00'),
                ('Cassée', NULL, '/uploads/cassée.jpg', '2020-03-01 10:00:00'),
                ('Sans photo', 'Juste un mot', NULL, '2021-06-01T12:30:00.250000'),
                ('Curieuse', '', '/uploads/../secret.txt', '2021-07-01 08:00:00'),
                ('Réveillon', '', '/uploads/réveillon.jpg', '2022-01-01 10:00:00');
            INSERT INTO perspectives (perspective_number, content, updated_at) VALUES
                (1, 'Voyager au Japon', '2021-01-01 00:00:00'),
                (2, 'Une maison avec un jardin', '2021-01-02 00:00:00');
            """);
    }

    public string Folder { get; }

    public string Database => Path.Combine(Folder, "moi_aimer_toi.db");

    public string Uploads => Path.Combine(Folder, "uploads");

    /// <summary>Both, zipped as a person would zip the old site's folder: inside one top folder.</summary>
    public byte[] Zip(string topFolder = "ancien-site/")
    {
        var entries = new List<(string, byte[])> { (topFolder + "moi_aimer_toi.db", File.ReadAllBytes(Database)) };
        entries.AddRange(Directory.GetFiles(Uploads).Select(f => (topFolder + "uploads/" + Path.GetFileName(f), File.ReadAllBytes(f))));
        return Zips.Build(entries.ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temporary folder's own cleaning.
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
