//! Finds where a JSON path starts in the source text, so that faults found
//! after parsing (duplicate ids, dangling references…) still carry a
//! line:column. Runs only when there is a fault to report, on text serde has
//! already accepted as JSON, so it can be a small forgiving scanner.
//!
//! Many faults are located together ([`locate_all`]): one pass finds every
//! path and one more turns offsets into lines and columns. Locating each
//! fault by scanning from the start made a file with thousands of faults
//! quadratic (4 000 faults took 21 s while the publisher held its lock).

use std::collections::{HashMap, HashSet};
use std::fmt;

/// 1-based line and column, columns counted in characters (as editors show them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

#[cfg(test)]
thread_local! {
    /// Bytes walked by the scanners on this thread: the tests hold the
    /// work of locating faults to a few passes over the text.
    pub(crate) static SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
fn scanned(n: usize) {
    SCANNED.with(|c| c.set(c.get() + n));
}

/// Line and column (1-based, in characters) of byte offset `pos` in `text`.
pub fn location_of(text: &str, pos: usize) -> Location {
    locations_of(text, &[pos])[0]
}

/// [`location_of`] for many offsets, in one pass over `text` whatever
/// their number and order.
fn locations_of(text: &str, positions: &[usize]) -> Vec<Location> {
    let b = text.as_bytes();
    #[cfg(test)]
    scanned(positions.iter().copied().max().unwrap_or(0).min(b.len()));
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&i| positions[i]);
    let mut out = vec![Location { line: 1, column: 1 }; positions.len()];
    let (mut i, mut line, mut chars) = (0, 1, 0);
    for k in order {
        let pos = positions[k].min(b.len());
        while i < pos {
            if b[i] == b'\n' {
                line += 1;
                chars = 0;
            } else if b[i] & 0xC0 != 0x80 {
                // Count characters, not bytes: "ó" is one column for the
                // editor (a UTF-8 continuation byte starts no character).
                chars += 1;
            }
            i += 1;
        }
        out[k] = Location {
            line,
            column: chars + 1,
        };
    }
    out
}

/// serde_json reports columns in bytes; editors count characters.
pub fn byte_column_to_char(text: &str, line: usize, byte_col: usize) -> Location {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    location_of(text, line_start + byte_col.saturating_sub(1))
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }

    fn string(&mut self) -> Option<String> {
        let start = self.i + 1;
        self.i += 1;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    let raw = std::str::from_utf8(&self.b[start - 1..self.i]).ok()?;
                    return serde_json::from_str(raw).ok();
                }
                _ => self.i += 1,
            }
        }
        None
    }

    fn skip_value(&mut self) -> Option<()> {
        self.ws();
        match *self.b.get(self.i)? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                while self.i < self.b.len() {
                    match self.b[self.i] {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.i += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
                None
            }
            _ => {
                while self.i < self.b.len() && !matches!(self.b[self.i], b',' | b'}' | b']') {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// Byte offset where the value at `path` starts.
    fn find(&mut self, path: &[Segment]) -> Option<usize> {
        self.ws();
        let Some((seg, rest)) = path.split_first() else {
            return Some(self.i);
        };
        match (seg, *self.b.get(self.i)?) {
            (Segment::Key(want), b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    if *self.b.get(self.i)? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    self.ws();
                    self.i += 1; // ':'
                    if &key == want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.ws();
                    if *self.b.get(self.i)? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
            }
            (Segment::Index(want), b'[') => {
                self.i += 1;
                for _ in 0..*want {
                    self.skip_value()?;
                    self.ws();
                    if *self.b.get(self.i)? != b',' {
                        return None;
                    }
                    self.i += 1;
                }
                self.find(rest)
            }
            _ => None,
        }
    }
}

impl Scanner<'_> {
    /// Records where each value whose path is in `wanted` starts (the
    /// first one, where a key is repeated, as [`Scanner::find`] does),
    /// walking the whole value at `path` once. `false` on text that is not
    /// JSON, where the walk stops.
    fn index(
        &mut self,
        path: &mut Vec<Segment>,
        wanted: &HashSet<&[Segment]>,
        found: &mut HashMap<Vec<Segment>, usize>,
    ) -> bool {
        self.ws();
        if wanted.contains(path.as_slice()) {
            found.entry(path.clone()).or_insert(self.i);
        }
        // serde_json refuses nesting past 128 levels; so do we.
        if path.len() > 128 {
            return false;
        }
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                self.ws();
                if self.b.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return true;
                }
                loop {
                    self.ws();
                    if self.b.get(self.i) != Some(&b'"') {
                        return false;
                    }
                    let Some(key) = self.string() else {
                        return false;
                    };
                    self.ws();
                    if self.b.get(self.i) != Some(&b':') {
                        return false;
                    }
                    self.i += 1;
                    path.push(Segment::Key(key));
                    let ok = self.index(path, wanted, found);
                    path.pop();
                    if !ok {
                        return false;
                    }
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return true;
                        }
                        _ => return false,
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                self.ws();
                if self.b.get(self.i) == Some(&b']') {
                    self.i += 1;
                    return true;
                }
                let mut n = 0;
                loop {
                    path.push(Segment::Index(n));
                    let ok = self.index(path, wanted, found);
                    path.pop();
                    if !ok {
                        return false;
                    }
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => {
                            self.i += 1;
                            n += 1;
                        }
                        Some(b']') => {
                            self.i += 1;
                            return true;
                        }
                        _ => return false,
                    }
                }
            }
            Some(_) => {
                let start = self.i;
                self.skip_value().is_some() && self.i > start
            }
            None => false,
        }
    }

    /// The path of the innermost key or value whose span holds byte `target`.
    /// Used on a prefix serde already accepted up to `target`, so it may stop
    /// there; past `target` the text can be anything.
    fn path_at(&mut self, path: &mut Vec<Segment>, target: usize) -> bool {
        // serde_json refuses nesting past 128 levels; so do we, rather than
        // recurse as deep as hostile input goes.
        if path.len() > 128 {
            return true;
        }
        self.ws();
        let Some(&c) = self.b.get(self.i) else {
            return false;
        };
        match c {
            b'{' => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'"') => {}
                        Some(b',') => {
                            self.i += 1;
                            continue;
                        }
                        // The closing `}`: the target is on the object itself,
                        // or past it (then consume the brace and go on).
                        Some(b'}') => {
                            if self.i >= target {
                                return true;
                            }
                            self.i += 1;
                            return false;
                        }
                        _ => return true, // malformed or the end: stop here
                    }
                    let Some(key) = self.string() else {
                        return true;
                    };
                    path.push(Segment::Key(key));
                    if self.i >= target {
                        return true;
                    }
                    self.ws();
                    if self.b.get(self.i) == Some(&b':') {
                        self.i += 1;
                    }
                    let before = self.i;
                    if self.path_at(path, target) {
                        return true;
                    }
                    path.pop();
                    if self.i == before {
                        return true; // malformed: stop where we are
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut index = 0;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => {
                            self.i += 1;
                            index += 1;
                            continue;
                        }
                        Some(b']') => {
                            if self.i >= target {
                                return true;
                            }
                            self.i += 1;
                            return false;
                        }
                        None => return true,
                        _ => {}
                    }
                    path.push(Segment::Index(index));
                    let before = self.i;
                    if self.path_at(path, target) {
                        return true;
                    }
                    path.pop();
                    if self.i == before {
                        return true; // malformed: stop where we are
                    }
                }
            }
            _ => {
                let start = self.i;
                let ok = self.skip_value().is_some();
                !ok || self.i == start || self.i >= target
            }
        }
    }
}

/// The JSON path at byte offset `pos`: where serde stopped with a data error.
pub fn path_at(text: &str, pos: usize) -> Vec<Segment> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let mut path = vec![];
    s.path_at(&mut path, pos);
    path
}

/// Where the last string value (not a key) holding `part` ends, at or
/// before `pos`. serde_json gives a value's own error (a date or an amount
/// that does not parse) the position where its reader stood when the
/// error left the enclosing struct, which is past that struct's closing
/// brace when the value was its last field: the position alone then names
/// the next item. The message quotes the value, which finds it.
pub fn string_value_before(text: &str, pos: usize, part: &str) -> Option<usize> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let mut found = None;
    while s.i < pos.min(s.b.len()) {
        if s.b[s.i] != b'"' {
            s.i += 1;
            continue;
        }
        let value = s.string()?;
        let end = s.i;
        s.ws();
        if s.b.get(s.i) != Some(&b':') && end <= pos && value.contains(part) {
            found = Some(end);
        }
    }
    found
}

/// Where each of `paths` starts in `text`, in one pass whatever their
/// number. With `nearest`, a path that is not in the text (a field left
/// out) is placed at its nearest ancestor that is.
pub fn locate_all(text: &str, paths: &[&[Segment]], nearest: bool) -> Vec<Option<Location>> {
    let mut wanted: HashSet<&[Segment]> = HashSet::new();
    for p in paths {
        if nearest {
            wanted.extend((0..=p.len()).map(|n| &p[..n]));
        } else {
            wanted.insert(p);
        }
    }
    let mut found = HashMap::new();
    if !wanted.is_empty() {
        let mut s = Scanner {
            b: text.as_bytes(),
            i: 0,
        };
        s.index(&mut vec![], &wanted, &mut found);
        #[cfg(test)]
        scanned(s.i);
    }
    let offsets: Vec<Option<usize>> = paths
        .iter()
        .map(|p| {
            let upto = if nearest { 0 } else { p.len() };
            (upto..=p.len())
                .rev()
                .find_map(|n| found.get(&p[..n]).copied())
        })
        .collect();
    let known: Vec<usize> = offsets.iter().flatten().copied().collect();
    let mut located = locations_of(text, &known).into_iter();
    offsets
        .iter()
        .map(|o| o.and_then(|_| located.next()))
        .collect()
}

/// Where the value at `path` starts, if the path exists in `text`.
pub fn locate(text: &str, path: &[Segment]) -> Option<Location> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    let pos = s.find(path);
    #[cfg(test)]
    scanned(s.i);
    pos.map(|pos| location_of(text, pos))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Segment {
        Segment::Key(s.into())
    }

    #[test]
    fn finds_nested_values_with_tricky_strings() {
        let text = "{\n  \"a\": \"x\\\"}]\",\n  \"żółw\": [1, {\"b\": [true, \"ą\"]}],\n  \"c\": {\"d\": null}\n}";
        assert_eq!(
            locate(
                text,
                &[k("żółw"), Segment::Index(1), k("b"), Segment::Index(1)]
            ),
            Some(Location {
                line: 3,
                column: 28
            })
        );
        assert_eq!(
            locate(text, &[k("c"), k("d")]),
            Some(Location {
                line: 4,
                column: 14
            })
        );
        assert_eq!(locate(text, &[k("missing")]), None);
        assert_eq!(locate(text, &[k("a"), Segment::Index(0)]), None);
        assert_eq!(locate(text, &[]), Some(Location { line: 1, column: 1 }));
    }

    #[test]
    fn path_at_a_position() {
        let text = "{\"a\": [1, {\"bb\": \"x\", \"c\": 2}], \"d\": {}}";
        let at = |needle: &str, after: bool| {
            let p = text.find(needle).unwrap() + if after { needle.len() } else { 0 };
            path_at(text, p)
        };
        assert_eq!(at("\"x\"", true), vec![k("a"), Segment::Index(1), k("bb")]);
        assert_eq!(at("\"c\"", true), vec![k("a"), Segment::Index(1), k("c")]);
        assert_eq!(at("2}", false), vec![k("a"), Segment::Index(1), k("c")]);
        assert_eq!(at("2}", true), vec![k("a")]);
        assert_eq!(at("1,", false), vec![k("a"), Segment::Index(0)]);
        assert_eq!(at("{}}", false), vec![k("d")]);
    }

    #[test]
    fn locating_many_agrees_with_locating_each() {
        let text = "{\n  \"a\": \"x\\\"}]\",\n  \"żółw\": [1, {\"b\": [true, \"ą\"]}, []],\n  \"c\": {\"d\": null, \"d\": 2, \"e\": {}}\n}";
        let paths: Vec<Vec<Segment>> = vec![
            vec![k("c"), k("d")],
            vec![k("żółw"), Segment::Index(1), k("b"), Segment::Index(1)],
            vec![],
            vec![k("missing")],
            vec![k("żółw"), Segment::Index(2)],
            vec![k("c"), k("e"), k("f")],
            vec![k("a")],
            vec![k("żółw"), Segment::Index(1), k("b"), Segment::Index(1)],
        ];
        let refs: Vec<&[Segment]> = paths.iter().map(Vec::as_slice).collect();
        let each: Vec<Option<Location>> = refs.iter().map(|p| locate(text, p)).collect();
        assert_eq!(locate_all(text, &refs, false), each);
        assert!(each[0].is_some() && each[5].is_none(), "{each:?}");
        // Nearest: a field left out is placed at its parent.
        let nearest = locate_all(text, &refs, true);
        assert_eq!(nearest[5], locate(text, &[k("c"), k("e")]));
        assert_eq!(nearest[3], locate(text, &[]));
        assert_eq!(nearest[0], each[0]);
    }

    #[test]
    fn thousands_of_faults_are_located_in_one_pass() {
        // 4 000 entries on one line, each located: one scan per fault
        // would walk ~4 000 × 250 KB; the pass walks the text twice.
        let n = 4000;
        let mut text = String::from("{\"events\":[");
        for i in 0..n {
            if i > 0 {
                text.push(',');
            }
            text.push_str(&format!(
                "{{\"id\":\"e{i}\",\"title\":{{\"pl\":\"ż{}\"}}}}",
                "x".repeat(40)
            ));
        }
        text.push_str("]}");
        let paths: Vec<Vec<Segment>> = (0..n)
            .rev()
            .map(|i| vec![k("events"), Segment::Index(i), k("title"), k("pl")])
            .collect();
        let refs: Vec<&[Segment]> = paths.iter().map(Vec::as_slice).collect();
        let all = locate_all(&text, &refs, false);
        for (i, at) in [(0, all[n - 1]), (n - 1, all[0]), (1234, all[n - 1 - 1234])] {
            assert_eq!(at, locate(&text, refs[n - 1 - i]), "event {i}");
            let at = at.unwrap();
            assert_eq!(at.line, 1);
            // Every entry before it is the same number of characters.
            let before = text.find(&format!("\"e{i}\"")).unwrap();
            let chars = text[..before].chars().count();
            assert!(at.column > chars, "{at:?} for event {i}");
        }
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(location_of("ąę\nżx", 7), Location { line: 2, column: 2 });
        // serde_json's byte column 5 on line 2 ("żx" + ...) is character 4
        assert_eq!(
            byte_column_to_char("{\n\"ż\": x}", 2, 6),
            Location { line: 2, column: 5 }
        );
    }
}
