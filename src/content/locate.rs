//! Finds where a JSON path starts in the source text, so that faults found
//! after parsing (duplicate ids, dangling references…) still carry a
//! line:column. Runs only when there is a fault to report, on text serde has
//! already accepted as JSON, so it can be a small forgiving scanner.

use super::error::{Location, Segment};

/// Line and column (1-based, in characters) of byte offset `pos` in `text`.
pub fn location_of(text: &str, pos: usize) -> Location {
    let pos = pos.min(text.len());
    let before = &text.as_bytes()[..pos];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // Count characters, not bytes: "ó" is one column for the editor.
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    Location { line, column }
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

/// Where the value at `path` starts, if the path exists in `text`.
pub fn locate(text: &str, path: &[Segment]) -> Option<Location> {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.find(path).map(|pos| location_of(text, pos))
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
    fn columns_count_characters() {
        assert_eq!(location_of("ąę\nżx", 7), Location { line: 2, column: 2 });
        // serde_json's byte column 5 on line 2 ("żx" + ...) is character 4
        assert_eq!(
            byte_column_to_char("{\n\"ż\": x}", 2, 6),
            Location { line: 2, column: 5 }
        );
    }
}
