using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MoiAimerToi.Web.Accounts;
using MoiAimerToi.Web.Couple;
using MoiAimerToi.Web.Dreams;
using MoiAimerToi.Web.Letters;
using MoiAimerToi.Web.Reminders;
using MoiAimerToi.Web.Memories;
using MoiAimerToi.Web.Perspectives;
using MoiAimerToi.Web.Remembering;
using MoiAimerToi.Web.Sharing;
using MoiAimerToi.Web.Site;

namespace MoiAimerToi.Web.Data;

/// <summary>The site's rows, on SQLite (this type, its migrations in <c>Migrations/</c>) or PostgreSQL (<see cref="Postgres.PostgresDbContext"/>).</summary>
public class AppDbContext : IdentityDbContext<AppUser>
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For another database's context, which has migrations of its own.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<CoupleData> CoupleData => Set<CoupleData>();

    public DbSet<Memory> Memories => Set<Memory>();

    public DbSet<MemoryMedia> MemoryMedia => Set<MemoryMedia>();

    public DbSet<Perspective> Perspectives => Set<Perspective>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();

    public DbSet<ImportantDate> ImportantDates => Set<ImportantDate>();

    public DbSet<PersonalLink> PersonalLinks => Set<PersonalLink>();

    public DbSet<Dream> Dreams => Set<Dream>();

    public DbSet<MemorySide> MemorySides => Set<MemorySide>();

    public DbSet<Letter> Letters => Set<Letter>();

    public DbSet<LetterPhoto> LetterPhotos => Set<LetterPhoto>();

    public DbSet<ReminderChoices> ReminderChoices => Set<ReminderChoices>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(AppUser.DisplayNameMaxLength);
            user.Property(u => u.Role).HasConversion<string>().HasMaxLength(16);
            // Two partners at most, one per perspective.
            user.HasIndex(u => u.PerspectiveNumber).IsUnique();
            user.Property(u => u.Language).HasMaxLength(8).HasDefaultValue("fr");
        });

        builder.Entity<Invite>(invite =>
        {
            invite.Property(i => i.TokenHash).HasMaxLength(64);
            invite.HasIndex(i => i.TokenHash).IsUnique();
            invite.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<SiteSettings>(settings =>
        {
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(16);
        });

        builder.Entity<ShareLink>(link =>
        {
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.Property(l => l.SealedToken).HasMaxLength(512);
            link.Property(l => l.TokenPrefix).HasMaxLength(16);
            link.HasOne<Memory>().WithMany().HasForeignKey(l => l.MemoryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ImportantDate>(important => important.Property(d => d.Title).HasMaxLength(ImportantDate.TitleMaxLength));

        builder.Entity<MemorySide>(side =>
        {
            side.Property(s => s.Content).HasMaxLength(MemorySide.ContentMaxLength);
            // One side per partner and memory: two partners writing at once each write their own row.
            side.HasIndex(s => new { s.MemoryId, s.AuthorId }).IsUnique();
            side.HasOne<Memory>().WithMany().HasForeignKey(s => s.MemoryId).OnDelete(DeleteBehavior.Cascade);
            side.HasOne<AppUser>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Letter>(letter =>
        {
            letter.Property(l => l.Content).HasMaxLength(Letter.ContentMaxLength);
            letter.HasOne<AppUser>().WithMany().HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Cascade);
            // A letter for a partner who closes their account goes with it: no one else is to read it.
            letter.HasOne<AppUser>().WithMany().HasForeignKey(l => l.RecipientId).OnDelete(DeleteBehavior.Cascade);
            letter.HasMany(l => l.Photos).WithOne().HasForeignKey(p => p.LetterId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<LetterPhoto>(photo =>
        {
            photo.Property(p => p.FileName).HasMaxLength(64);
            // A file request finds its letter by name.
            photo.HasIndex(p => p.FileName);
        });

        builder.Entity<Dream>(dream =>
        {
            dream.Property(d => d.Title).HasMaxLength(Dream.TitleMaxLength);
            dream.HasIndex(d => d.Position);
            dream.HasOne<Memory>().WithMany().HasForeignKey(d => d.MemoryId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<PersonalLink>(link =>
        {
            link.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.Property(l => l.SealedToken).HasMaxLength(512);
            link.HasIndex(l => new { l.UserId, l.Kind }).IsUnique();
            link.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReminderChoices>(choices =>
        {
            choices.HasKey(c => c.UserId);
            choices.Property(c => c.Address).HasMaxLength(Web.Reminders.ReminderChoices.AddressMaxLength);
            choices.Property(c => c.SiteAddress).HasMaxLength(512);
            choices.HasOne<AppUser>().WithOne().HasForeignKey<ReminderChoices>(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Reminder>(reminder =>
        {
            reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            reminder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            reminder.Property(r => r.Key).HasMaxLength(64);
            reminder.Property(r => r.Subject).HasMaxLength(Reminder.SubjectMaxLength);
            reminder.Property(r => r.LastError).HasMaxLength(Reminder.ErrorMaxLength);
            // One occasion is recorded once for a partner: the job's guard against sending it twice.
            reminder.HasIndex(r => new { r.UserId, r.Key, r.OccasionOn }).IsUnique();
            reminder.HasIndex(r => r.State);
            reminder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CoupleData>(couple =>
        {
            couple.Property(c => c.Id).ValueGeneratedNever();
            couple.Property(c => c.HomeMessage).HasMaxLength(Couple.CoupleData.HomeMessageMaxLength);
            couple.Property(c => c.IntroText).HasMaxLength(Couple.CoupleData.IntroTextMaxLength);
        });

        builder.Entity<Memory>(memory =>
        {
            memory.Property(m => m.Title).HasMaxLength(Memory.TitleMaxLength);
            memory.Property(m => m.Description).HasMaxLength(Memory.DescriptionMaxLength);
            memory.Property(m => m.PhotoFileName).HasMaxLength(64);
            // Read from the property when saved (it follows the title and description), never written back.
            memory.Property(m => m.SearchText).UsePropertyAccessMode(PropertyAccessMode.Property);
            memory.Property(m => m.PhotoColor).HasMaxLength(7);
            memory.HasIndex(m => new { m.TakenOn, m.CreatedAt, m.Id }).IsDescending();
            memory.HasMany(m => m.Media).WithOne().HasForeignKey(x => x.MemoryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MemoryMedia>(medium =>
        {
            medium.Property(x => x.Kind).HasConversion<string>().HasMaxLength(8);
            medium.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            medium.Property(x => x.FileName).HasMaxLength(64);
            medium.Property(x => x.PosterFileName).HasMaxLength(64);
            medium.Property(x => x.OriginalFileName).HasMaxLength(64);
            medium.Property(x => x.OriginalName).HasMaxLength(200);
            medium.Property(x => x.Failure).HasMaxLength(32);
            medium.Property(x => x.Color).HasMaxLength(7);
            medium.Ignore(x => x.PictureFileName);
            medium.HasIndex(x => new { x.MemoryId, x.Position });
            // A file request finds its medium by name.
            medium.HasIndex(x => x.FileName);
            medium.HasIndex(x => x.PosterFileName);
            // The video jobs' queue.
            medium.HasIndex(x => x.Status);
        });

        builder.Entity<Perspective>(perspective =>
        {
            perspective.Property(p => p.Content).HasMaxLength(Perspective.ContentMaxLength);
            perspective.HasIndex(p => p.Number).IsUnique();
            perspective.ToTable(t => t.HasCheckConstraint("CK_Perspectives_Number", "\"Number\" IN (1, 2)"));
        });
    }
}
