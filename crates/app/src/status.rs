//! `publish-status.json`: what the site's publisher last did, at a fixed
//! address beside the site (`<base>publish-status.json`). Written by
//! `publish` (native, `crate::publish`), read by the content editor (wasm)
//! to learn the live version, the outcome of its upload and the versions it
//! can roll back to. Plain serde types, so both sides read one definition.

use serde::{Deserialize, Serialize};

/// The status file's own format version.
pub const FORMAT: u32 = 1;
/// How many upload outcomes the file keeps (newest first): enough for every
/// editor waiting on its own upload, small enough to fetch every second.
pub const KEEP_REQUESTS: usize = 20;
/// How many of a refused upload's faults the file lists (the first ones,
/// in file order); `fault_count` says how many there were. The file is
/// public and polled while an editor waits: a file with 70 000 faults
/// must not make it megabytes.
pub const MAX_FAULTS: usize = 100;

/// The whole file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Status {
    #[serde(default)]
    pub format: u32,
    /// The live version (`versions[0]`), `None` before the first publish
    /// that wrote a status.
    #[serde(default)]
    pub version: Option<String>,
    /// Published versions, newest first; the first is live. Each one's
    /// bundle is kept at `file` for rollback.
    #[serde(default)]
    pub versions: Vec<Version>,
    /// Outcomes of the last uploads (editor publishes), newest first.
    #[serde(default)]
    pub requests: Vec<Outcome>,
    /// When the site was first published (RFC 3339, UTC): kept from the
    /// first status on, as the accessibility declaration's publication
    /// date when the bundle gives none. A status from before it had this
    /// takes its oldest kept version's time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_published: Option<String>,
}

impl Status {
    /// The first publication this status records, or `now` for a site
    /// published for the first time.
    pub fn first_published_or(&self, now: &str) -> String {
        self.first_published
            .clone()
            .or_else(|| self.versions.iter().map(|v| v.published_at.clone()).min())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| now.to_owned())
    }
}

/// One published version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    /// `20261204T071500Z-1a2b3c4d`: the time it was published and the
    /// start of its bundle's sha256, so it sorts by time and names its
    /// content.
    pub version: String,
    /// RFC 3339, UTC.
    pub published_at: String,
    /// The bundle, relative to the site's base: `content/versions/<version>.json`.
    pub file: String,
    /// The organisation's name in that version (both languages), to tell
    /// versions apart in a list.
    #[serde(default)]
    pub name: Text,
    /// How many events it had.
    #[serde(default)]
    pub events: usize,
}

/// What became of one upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The upload's request id (the part of its name before `@`).
    pub request: String,
    pub result: Verdict,
    /// RFC 3339, UTC.
    pub at: String,
    /// Published: the new live version. Stale: the live version the upload
    /// did not start from.
    #[serde(default)]
    pub version: Option<String>,
    /// Refused: the first [`MAX_FAULTS`] faults, located in the uploaded
    /// file.
    #[serde(default)]
    pub faults: Vec<Fault>,
    /// Refused: how many faults there were in all (0 in files written
    /// before the list was cut: then `faults` is all of them).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub fault_count: usize,
    /// Stale or failed: why, in both languages.
    #[serde(default)]
    pub message: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Validated and live.
    Published,
    /// The bundle has faults: nothing changed.
    Refused,
    /// Made from an older version than the live one: nothing changed.
    Stale,
    /// The server could not publish it (disk, permissions): nothing changed.
    Failed,
}

/// One fault of a refused upload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fault {
    /// `$.events[3].title.pl`, as the validator names it.
    pub path: String,
    #[serde(default)]
    pub line: Option<usize>,
    #[serde(default)]
    pub column: Option<usize>,
    pub message: Text,
}

/// A text in both languages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub pl: String,
    pub en: String,
}

impl Text {
    pub fn in_lang(&self, lang: crate::content::Lang) -> &str {
        match lang {
            crate::content::Lang::Pl => &self.pl,
            // Staff messages are Polish and English.
            crate::content::Lang::En | crate::content::Lang::Uk | crate::content::Lang::De => {
                &self.en
            }
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Outcome {
    /// How many faults the upload had, listed or not.
    pub fn total_faults(&self) -> usize {
        self.fault_count.max(self.faults.len())
    }

    /// Keeps the first [`MAX_FAULTS`] faults, counting them all.
    pub fn cut_faults(mut self) -> Outcome {
        self.fault_count = self.total_faults();
        self.faults.truncate(MAX_FAULTS);
        self
    }
}

impl Status {
    /// The outcome of upload `request`, if the publisher has handled it.
    pub fn outcome(&self, request: &str) -> Option<&Outcome> {
        self.requests.iter().find(|o| o.request == request)
    }
}

/// Whether `s` may be a request id or a version in an upload's name
/// (`<request>@<version>.json`): 1–64 of `[0-9A-Za-z-]`, so a name never
/// leaves the folder or hides an extension.
pub fn is_token(s: &str) -> bool {
    (1..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// An upload's file name: the request id and the version the editor's copy
/// was made from (`none` when it did not know one).
pub fn upload_name(request: &str, base: &str) -> String {
    format!("{request}@{base}.json")
}

/// The request id and base version of an upload's file name, if it is one.
pub fn parse_upload_name(name: &str) -> Option<(&str, &str)> {
    let (request, base) = name.strip_suffix(".json")?.split_once('@')?;
    (is_token(request) && is_token(base)).then_some((request, base))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_names_round_trip_and_nothing_else_is_one() {
        let n = upload_name("k3x9", "20261204T071500Z-1a2b3c4d");
        assert_eq!(n, "k3x9@20261204T071500Z-1a2b3c4d.json");
        assert_eq!(
            parse_upload_name(&n),
            Some(("k3x9", "20261204T071500Z-1a2b3c4d"))
        );
        for bad in [
            "bundle.json",
            "a@b.json.tmp",
            "@v.json",
            "a@.json",
            "a@b@c.json",
            "../a@b.json",
            "a@b/c.json",
            "a b@c.json",
            "a@b.JSON",
        ] {
            assert_eq!(parse_upload_name(bad), None, "{bad}");
        }
        assert!(parse_upload_name(&format!("{}@v.json", "a".repeat(65))).is_none());
    }

    #[test]
    fn a_status_reads_back_and_older_files_still_read() {
        let s = Status {
            format: FORMAT,
            version: Some("v2".into()),
            versions: vec![Version {
                version: "v2".into(),
                published_at: "2026-12-04T07:15:00Z".into(),
                file: "content/versions/v2.json".into(),
                name: Text {
                    pl: "Ośrodek".into(),
                    en: "Centre".into(),
                },
                events: 3,
            }],
            requests: vec![Outcome {
                request: "r1".into(),
                result: Verdict::Refused,
                at: "2026-12-04T07:16:00Z".into(),
                version: None,
                faults: vec![Fault {
                    path: "$.events[0].title.pl".into(),
                    line: Some(12),
                    column: Some(20),
                    message: Text::default(),
                }],
                fault_count: 0,
                message: None,
            }],
            first_published: None,
        };
        let text = serde_json::to_string(&s).unwrap();
        assert!(text.contains("\"result\":\"refused\""), "{text}");
        assert_eq!(serde_json::from_str::<Status>(&text).unwrap(), s);
        assert_eq!(s.outcome("r1").unwrap().result, Verdict::Refused);
        assert!(s.outcome("r2").is_none());
        // A status with only what a first version would have had.
        let old: Status = serde_json::from_str(r#"{"version":null}"#).unwrap();
        assert_eq!(old, Status::default());
        // The first publication: recorded, else the oldest kept version's
        // time (a status from before the record), else now.
        assert_eq!(s.first_published_or("now"), "2026-12-04T07:15:00Z");
        assert_eq!(old.first_published_or("now"), "now");
        let recorded = Status {
            first_published: Some("2025-01-02T03:04:05Z".into()),
            ..s
        };
        assert_eq!(recorded.first_published_or("now"), "2025-01-02T03:04:05Z");
    }

    #[test]
    fn a_refusal_lists_the_first_faults_and_counts_them_all() {
        let fault = |i: usize| Fault {
            path: format!("$.events[{i}].id"),
            line: Some(i + 1),
            column: Some(9),
            message: Text {
                pl: "identyfikator „…” powtarza się".into(),
                en: "id \"…\" is used twice".into(),
            },
        };
        let many = Outcome {
            request: "r".into(),
            result: Verdict::Refused,
            at: "2026-12-06T10:00:00Z".into(),
            version: None,
            faults: (0..70_000).map(fault).collect(),
            fault_count: 0,
            message: None,
        };
        let cut = many.cut_faults();
        assert_eq!(cut.faults.len(), MAX_FAULTS);
        assert_eq!(cut.total_faults(), 70_000);
        assert_eq!(cut.faults[0], fault(0));
        // The public file stays small whatever the upload held.
        let text = serde_json::to_string(&cut).unwrap();
        assert!(text.len() < 20_000, "{} bytes", text.len());
        assert!(text.contains("\"fault_count\":70000"), "{text}");
        // Cutting again changes nothing; a short list is counted as it is.
        assert_eq!(cut.clone().cut_faults(), cut);
        let back: Outcome = serde_json::from_str(&text).unwrap();
        assert_eq!(back, cut);
        let mut few = back;
        few.faults.truncate(3);
        few.fault_count = 0;
        assert_eq!(few.total_faults(), 3);
    }
}
