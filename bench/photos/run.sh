#!/usr/bin/env bash
# Photo pipeline benchmark: our ImageSharp pipeline against vipsthumbnail on the same 12 MP photo, same run.
# Usage: bench/photos/run.sh [runs]   (default 10). Needs dotnet, vipsthumbnail, exiftool, /usr/bin/time.
set -euo pipefail

runs=${1:-10}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/bench/out/photos"
rm -rf "$out" && mkdir -p "$out/ours" "$out/vips"

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== building (Release)"
dotnet build "$here/PhotoBench.csproj" -c Release -nologo -v q >/dev/null
bench=(dotnet "$here/bin/Release/net10.0/PhotoBench.dll")

echo "== generating the photo"
"${bench[@]}" generate "$out/photo.jpg"
exiftool -s -Orientation -Make -GPSLatitude -DateTimeOriginal "$out/photo.jpg"

# The same three files: 2560 px JPEG q85, 1280 and 480 px wide WebP q80, upright, no metadata.
# libvips 8.14 keeps EXIF in WebP despite [strip], so the WebP files are made from the stripped JPEG,
# the same full-size-first cascade our pipeline uses.
cat >"$out/vips-three.sh" <<'VIPS'
#!/usr/bin/env bash
set -euo pipefail
vipsthumbnail "$1" -s 2560x2560 -o "$2/full.jpg[Q=85,strip]"
vipsthumbnail "$2/full.jpg" -s 1280x -o "$2/full-1280.webp[Q=80,strip]"
vipsthumbnail "$2/full.jpg" -s 480x -o "$2/full-480.webp[Q=80,strip]"
VIPS
chmod +x "$out/vips-three.sh"
ours=("${bench[@]}" store "$out/photo.jpg" "$out/ours")
vips=("$out/vips-three.sh" "$out/photo.jpg" "$out/vips")

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "== $runs alternating runs of each, one process per photo (after one warm-up each)"
"${ours[@]}" >/dev/null; "${vips[@]}"
: >"$out/ours.ms"; : >"$out/vips.ms"
for _ in $(seq "$runs"); do
  t=$(now_ms); "${ours[@]}" >/dev/null; echo $(( $(now_ms) - t )) >>"$out/ours.ms"
  t=$(now_ms); "${vips[@]}"; echo $(( $(now_ms) - t )) >>"$out/vips.ms"
done
ours_ms=$(median <"$out/ours.ms"); vips_ms=$(median <"$out/vips.ms")

echo "== $runs photos in one warm process (how the site runs)"
warm=$("${bench[@]}" repeat "$out/photo.jpg" "$out/ours" "$runs")
warm_ms=${warm#median_ms=}; warm_ms=${warm_ms%% *}

echo "== peak memory (max RSS)"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }'; }
rss_noop=$(rss "${bench[@]}" noop)
rss_ours=$(rss "${ours[@]}")
rss_warm=$(rss "${bench[@]}" repeat "$out/photo.jpg" "$out/ours" "$runs")
rss_vips=$(rss "${vips[@]}")

echo "== outputs"
ls "$out"/ours/uploads | head -3 | while read -r f; do vipsheader "$out/ours/uploads/$f"; done
for f in "$out"/vips/*; do vipsheader "$f"; done
leaks=$(exiftool -q -q -s -s -s -GPSLatitude -Make -Model "$out"/ours/uploads/* "$out"/vips/* | wc -l)
echo "GPS/Make/Model values left in any output: $leaks"

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
cat <<REPORT

$(date -u +%Y-%m-%d), $(nproc) cores ($cpu), load average at start ${load_start}, at end ${load_end};
.NET $(dotnet --version), libvips $(vips --version | cut -d' ' -f1 | cut -d- -f2).

| measure (12 MP JPEG, 4000×3000, EXIF orientation 6 → 3 files) | ours (ImageSharp 2.1) | vipsthumbnail | ratio |
| --- | --- | --- | --- |
| one process per photo, median of $runs | ${ours_ms} ms | ${vips_ms} ms | $(ratio "$ours_ms" "$vips_ms")× |
| warm process, median of $runs | ${warm_ms} ms | ${vips_ms} ms (process) | $(ratio "$warm_ms" "$vips_ms")× |
| peak RSS, one photo | ${rss_ours} MiB (runtime alone: ${rss_noop} MiB) | ${rss_vips} MiB | $(ratio "$rss_ours" "$rss_vips")× |
| peak RSS, $((runs + 1)) photos in one process | ${rss_warm} MiB | | |
REPORT
