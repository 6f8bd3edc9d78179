//! The publisher's clock: the time of a version, of an outcome, of the
//! sitemap. SOURCE_DATE_EPOCH stands in for it, so a test's tree does not
//! depend on when it ran.

use rops_content as content;

/// Seconds since the epoch; SOURCE_DATE_EPOCH overrides the clock (the
/// tests' trees then do not depend on the time).
pub(super) fn now_secs() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        })
}

/// `secs` as RFC 3339 in UTC, to the second.
pub(super) fn rfc3339(secs: i64) -> String {
    let (y, m, d) = content::civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// Today's date (UTC), `YYYY-MM-DD`; SOURCE_DATE_EPOCH overrides the clock.
pub(super) fn today() -> String {
    let secs = now_secs();
    let (y, m, d) = content::civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}
