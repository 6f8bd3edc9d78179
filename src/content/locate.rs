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
    fn columns_count_characters() {
        assert_eq!(location_of("ąę\nżx", 7), Location { line: 2, column: 2 });
        // serde_json's byte column 5 on line 2 ("żx" + ...) is character 4
        assert_eq!(
            byte_column_to_char("{\n\"ż\": x}", 2, 6),
            Location { line: 2, column: 5 }
        );
    }
}
