using System.Runtime.CompilerServices;

// The pipeline's concurrency bound is only observable from inside; see PhotoPipeline.PeakInFlight.
[assembly: InternalsVisibleTo("MoiAimerToi.Tests")]
[assembly: InternalsVisibleTo("MoiAimerToi.Tests.Postgres")]
