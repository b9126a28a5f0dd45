//! A fast content-stream lexer (PDF 32000-1 §7.8.2): operands as lopdf [`Object`]s and
//! the operator that follows them. It replaces lopdf's combinator parser in the hot path
//! (about half the reading time went there). Lenient like readers are: stray delimiters
//! are skipped, inline image data (`BI … ID … EI`) is stepped over, nesting is bounded.

use lopdf::{Dictionary, Object, StringFormat};

/// Most operands kept before an operator (more are dropped: no operator takes them).
const MAX_OPERANDS: usize = 4096;
/// Deepest array / dictionary nesting read.
const MAX_DEPTH: usize = 32;

pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
    /// Which of the lexer's own limits were reached (nesting deeper than [`MAX_DEPTH`],
    /// more than [`MAX_OPERANDS`] operands or 2^20 items in one array): what was past
    /// them was not read, and the page says so (`limit_reached`).
    pub cut: Vec<String>,
    deep: bool,
    crowded: bool,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delim(b)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// What one token is.
enum Tok<'a> {
    Obj(Object),
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    DictStart,
    DictEnd,
    Skip,
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer {
            data,
            pos: 0,
            cut: Vec::new(),
            deep: false,
            crowded: false,
        }
    }

    fn skip_white(&mut self) {
        while let Some(&b) = self.data.get(self.pos) {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\n' | b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn number(&mut self) -> Object {
        let start = self.pos;
        let d = self.data;
        let mut i = self.pos;
        let mut neg = false;
        while i < d.len() && matches!(d[i], b'+' | b'-') {
            neg ^= d[i] == b'-';
            i += 1;
        }
        let mut int: i64 = 0;
        let mut frac = 0.0f64;
        let mut scale = 1.0f64;
        let mut real = false;
        while i < d.len() {
            match d[i] {
                c @ b'0'..=b'9' => {
                    if real {
                        scale *= 0.1;
                        frac += (c - b'0') as f64 * scale;
                    } else {
                        int = int.saturating_mul(10).saturating_add((c - b'0') as i64);
                    }
                }
                b'.' if !real => real = true,
                _ => break,
            }
            i += 1;
        }
        // Skip the rest of a malformed number ("1.2.3", "5-3").
        while i < d.len() && is_regular(d[i]) {
            i += 1;
        }
        self.pos = i.max(start + 1);
        if real {
            let v = int as f64 + frac;
            Object::Real((if neg { -v } else { v }) as f32)
        } else {
            Object::Integer(if neg { -int } else { int })
        }
    }

    fn name(&mut self) -> Object {
        self.pos += 1; // '/'
        let d = self.data;
        let start = self.pos;
        while self.pos < d.len() && is_regular(d[self.pos]) {
            self.pos += 1;
        }
        let raw = &d[start..self.pos];
        if !raw.contains(&b'#') {
            return Object::Name(raw.to_vec());
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'#' && i + 2 < raw.len() {
                if let (Some(h), Some(l)) = (hex(raw[i + 1]), hex(raw[i + 2])) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
            }
            out.push(raw[i]);
            i += 1;
        }
        Object::Name(out)
    }

    fn literal(&mut self) -> Object {
        self.pos += 1; // '('
        let d = self.data;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while self.pos < d.len() {
            let b = d[self.pos];
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(&e) = d.get(self.pos) else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if d.get(self.pos) == Some(&b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = (e - b'0') as u32;
                            for _ in 0..2 {
                                match d.get(self.pos) {
                                    Some(&c @ b'0'..=b'7') => {
                                        v = v * 8 + (c - b'0') as u32;
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        Object::String(out, StringFormat::Literal)
    }

    fn hex_string(&mut self) -> Object {
        self.pos += 1; // '<'
        let d = self.data;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while self.pos < d.len() {
            let b = d[self.pos];
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = hex(b) {
                match hi.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => hi = Some(v),
                }
            }
        }
        if let Some(h) = hi {
            out.push(h << 4);
        }
        Object::String(out, StringFormat::Hexadecimal)
    }

    fn token(&mut self) -> Option<Tok<'a>> {
        self.skip_white();
        let d = self.data;
        let b = *d.get(self.pos)?;
        Some(match b {
            b'0'..=b'9' | b'+' | b'-' | b'.' => Tok::Obj(self.number()),
            b'/' => Tok::Obj(self.name()),
            b'(' => Tok::Obj(self.literal()),
            b'<' if d.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Tok::DictStart
            }
            b'<' => Tok::Obj(self.hex_string()),
            b'>' if d.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Tok::DictEnd
            }
            b'[' => {
                self.pos += 1;
                Tok::ArrayStart
            }
            b']' => {
                self.pos += 1;
                Tok::ArrayEnd
            }
            _ if is_regular(b) => {
                let start = self.pos;
                while self.pos < d.len() && is_regular(d[self.pos]) {
                    self.pos += 1;
                }
                match &d[start..self.pos] {
                    b"true" => Tok::Obj(Object::Boolean(true)),
                    b"false" => Tok::Obj(Object::Boolean(false)),
                    b"null" => Tok::Obj(Object::Null),
                    kw => Tok::Keyword(kw),
                }
            }
            _ => {
                self.pos += 1;
                Tok::Skip
            }
        })
    }

    /// An array or dictionary body after its opening token.
    fn compound(&mut self, dict: bool, depth: usize) -> Object {
        let mut items: Vec<Object> = Vec::new();
        loop {
            let Some(t) = self.token() else { break };
            match t {
                Tok::Obj(o) => items.push(o),
                Tok::ArrayStart if depth < MAX_DEPTH => items.push(self.compound(false, depth + 1)),
                Tok::DictStart if depth < MAX_DEPTH => items.push(self.compound(true, depth + 1)),
                Tok::ArrayStart | Tok::DictStart => self.too_deep(),
                Tok::ArrayEnd if !dict => break,
                Tok::DictEnd if dict => break,
                // A keyword inside an array ends it (malformed stream); give it back.
                Tok::Keyword(k) => {
                    self.pos -= k.len();
                    break;
                }
                _ => {}
            }
            if items.len() > 1 << 20 {
                self.too_many(format!(
                    "an array or dictionary of the content holds more than {} items (the limit): the rest was not read",
                    1 << 20
                ));
                break;
            }
        }
        if dict {
            let mut d = Dictionary::new();
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                if let Object::Name(k) = k {
                    d.set(k, v);
                }
            }
            Object::Dictionary(d)
        } else {
            Object::Array(items)
        }
    }

    fn too_deep(&mut self) {
        if !self.deep {
            self.deep = true;
            self.cut.push(format!(
                "the content nests arrays or dictionaries deeper than {MAX_DEPTH} (the limit): the inner ones were not read"
            ));
        }
    }

    fn operands_full(&mut self) {
        self.too_many(format!(
            "an operator of the content has more than {MAX_OPERANDS} operands (the limit): the rest were not read"
        ));
    }

    fn too_many(&mut self, message: String) {
        if !self.crowded {
            self.crowded = true;
            self.cut.push(message);
        }
    }

    /// Step over inline image data: after `ID` and one white byte, up to an `EI` that
    /// stands alone.
    fn skip_inline_image(&mut self) {
        // Dictionary entries until ID.
        loop {
            match self.token() {
                None => return,
                Some(Tok::Keyword(b"ID")) => break,
                Some(_) => {}
            }
        }
        self.pos += 1;
        let d = self.data;
        while self.pos + 1 < d.len() {
            if d[self.pos] == b'E'
                && d[self.pos + 1] == b'I'
                && (self.pos == 0 || is_white(d[self.pos - 1]))
                && d.get(self.pos + 2)
                    .is_none_or(|&b| is_white(b) || is_delim(b))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = d.len();
    }

    /// The next operator with its operands (cleared and refilled), or None at the end.
    pub fn next_op(&mut self, operands: &mut Vec<Object>) -> Option<&'a str> {
        operands.clear();
        loop {
            let tok = self.token()?;
            match tok {
                Tok::Obj(o) => {
                    if operands.len() < MAX_OPERANDS {
                        operands.push(o);
                    } else {
                        self.operands_full();
                    }
                }
                Tok::ArrayStart | Tok::DictStart => {
                    let dict = matches!(tok, Tok::DictStart);
                    let a = self.compound(dict, 1);
                    if operands.len() < MAX_OPERANDS {
                        operands.push(a);
                    } else {
                        self.operands_full();
                    }
                }
                Tok::Keyword(b"BI") => {
                    self.skip_inline_image();
                    return Some("BI");
                }
                Tok::Keyword(k) => return Some(std::str::from_utf8(k).unwrap_or("")),
                Tok::ArrayEnd | Tok::DictEnd | Tok::Skip => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(src: &[u8]) -> Vec<(String, Vec<Object>)> {
        let mut lx = Lexer::new(src);
        let mut v = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lx.next_op(&mut v) {
            out.push((op.to_string(), v.clone()));
        }
        out
    }

    #[test]
    fn lexes_text_operators() {
        let got =
            ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm [(A\\(b\\)) -250 <0041>] TJ (x\\101) ' ET");
        assert_eq!(got[0].0, "BT");
        assert_eq!(
            got[1],
            (
                "Tf".into(),
                vec![Object::Name(b"F1".to_vec()), Object::Integer(12)]
            )
        );
        assert_eq!(got[2].1[4], Object::Real(72.5));
        assert_eq!(got[2].1[5], Object::Real(-0.5));
        let Object::Array(a) = &got[3].1[0] else {
            panic!()
        };
        assert_eq!(
            a[0],
            Object::String(b"A(b)".to_vec(), StringFormat::Literal)
        );
        assert_eq!(a[1], Object::Integer(-250));
        assert_eq!(
            a[2],
            Object::String(vec![0, 0x41], StringFormat::Hexadecimal)
        );
        assert_eq!(
            got[4],
            (
                "'".into(),
                vec![Object::String(b"xA".to_vec(), StringFormat::Literal)]
            )
        );
        assert_eq!(got[5].0, "ET");
    }

    #[test]
    fn marked_content_dicts_and_inline_images() {
        let got = ops(b"/Span <</ActualText <FEFF0E33> /MCID 3>> BDC EMC BI /W 2 /H 2 ID \x00EI\xff EI Q % c\nq");
        assert_eq!(got[0].0, "BDC");
        let Object::Dictionary(d) = &got[0].1[1] else {
            panic!("{:?}", got)
        };
        assert_eq!(d.get(b"MCID").unwrap(), &Object::Integer(3));
        assert_eq!(got[1].0, "EMC");
        assert_eq!(got[2].0, "BI");
        assert_eq!(got[3].0, "Q");
        assert_eq!(got[4].0, "q");
    }

    #[test]
    fn garbage_never_loops() {
        for src in [
            &b")))>>]]}{"[..],
            b"((((",
            b"<<<<",
            b"[[[[[[",
            b"/",
            b"-",
            b"BI",
            b"BI /W 1 ID",
            b"1.2.3.4 Td",
        ] {
            let _ = ops(src);
        }
        let deep = "[".repeat(10_000);
        let _ = ops(deep.as_bytes());
    }
}
