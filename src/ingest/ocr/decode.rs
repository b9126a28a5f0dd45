//! One image XObject (or inline image) to 8-bit grayscale samples: stream filters,
//! colour spaces, `/Decode` arrays and soft masks. Input: a lopdf [`Stream`] and the
//! document it lives in; output: a [`Gray`] raster (0 = black, 255 = white).
//!
//! The compressed formats are decoded by well-kept crates, never by hand:
//! DCTDecode by `zune-jpeg`, CCITTFaxDecode (Group 3 1D/2D and Group 4) by
//! `hayro-ccitt`, JBIG2Decode by `hayro-jbig2`; FlateDecode/LZW with PNG and TIFF
//! predictors by lopdf itself. JPXDecode has no decoder here and is reported as
//! [`DecodeError::Unsupported`], which the caller turns into a page warning.

use lopdf::{Dictionary, Document, Object, Stream};

/// A grayscale raster, row-major, top row first (PDF 32000-1 §8.9.3: image samples
/// run left to right, top to bottom).
#[derive(Debug, Clone)]
pub struct Gray {
    pub width: u32,
    pub height: u32,
    /// One byte per pixel, 0 = black, 255 = white (or, for masks, 255 = opaque).
    pub pixels: Vec<u8>,
}

#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("image filter {0} is not supported")]
    Unsupported(String),
    #[error("image is {width}x{height} pixels, over the limit of {limit}")]
    TooLarge { width: u64, height: u64, limit: u64 },
    #[error("bad image: {0}")]
    Bad(String),
}

/// Limits for decoding one image.
#[derive(Debug, Clone, Copy)]
pub struct DecodeLimits {
    /// Most pixels (width × height) of one image.
    pub max_pixels: u64,
    /// Largest decompressed stream, in bytes.
    pub max_bytes: usize,
}

/// Most pixels a CCITT or JBIG2 decoder may produce, whatever its own header says (the
/// header can disagree with the image dictionary that was checked).
const MAX_BILEVEL_PIXELS: u64 = 200_000_000;

/// Filters that produce image samples themselves (PDF 32000-1 §7.4.1, table 6);
/// any filters before them in the chain are general-purpose and lopdf decodes them.
const IMAGE_FILTERS: [&[u8]; 4] = [
    b"DCTDecode",
    b"CCITTFaxDecode",
    b"JBIG2Decode",
    b"JPXDecode",
];

fn get_i64(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<i64> {
    let obj = dict.get(key).ok()?;
    doc.dereference(obj).ok()?.1.as_i64().ok()
}

fn get_bool(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<bool> {
    let obj = dict.get(key).ok()?;
    doc.dereference(obj).ok()?.1.as_bool().ok()
}

/// Look up a key, also under its abbreviated inline-image name (§8.9.7, table 93).
fn get_any<'a>(doc: &'a Document, dict: &'a Dictionary, keys: &[&[u8]]) -> Option<&'a Object> {
    keys.iter()
        .find_map(|k| dict.get(k).ok())
        .and_then(|o| doc.dereference(o).ok().map(|(_, o)| o))
}

/// The filter names of a stream, in decoding order.
fn filter_names(doc: &Document, dict: &Dictionary) -> Vec<Vec<u8>> {
    match get_any(doc, dict, &[b"Filter", b"F"]) {
        Some(Object::Name(n)) => vec![expand_filter(n)],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| doc.dereference(o).ok()?.1.as_name().ok())
            .map(expand_filter)
            .collect(),
        _ => Vec::new(),
    }
}

/// Inline images may use abbreviated filter names (§8.9.7, table 94).
fn expand_filter(n: &[u8]) -> Vec<u8> {
    let full: &[u8] = match n {
        b"AHx" => b"ASCIIHexDecode",
        b"A85" => b"ASCII85Decode",
        b"LZW" => b"LZWDecode",
        b"Fl" => b"FlateDecode",
        b"RL" => b"RunLengthDecode",
        b"CCF" => b"CCITTFaxDecode",
        b"DCT" => b"DCTDecode",
        other => other,
    };
    full.to_vec()
}

/// The `/DecodeParms` dictionary for filter `index`, if any.
fn decode_parms<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    index: usize,
) -> Option<&'a Dictionary> {
    match get_any(doc, dict, &[b"DecodeParms", b"DP"])? {
        Object::Dictionary(d) => Some(d),
        Object::Array(a) => doc.dereference(a.get(index)?).ok()?.1.as_dict().ok(),
        _ => None,
    }
}

/// Decode an image XObject's samples to gray. `is_mask` is set for `/SMask` images,
/// whose gray value is opacity.
pub fn decode_image(
    doc: &Document,
    stream: &Stream,
    limits: DecodeLimits,
) -> Result<Gray, DecodeError> {
    let dict = &stream.dict;
    let width = get_any(doc, dict, &[b"Width", b"W"])
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    let height = get_any(doc, dict, &[b"Height", b"H"])
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    if width <= 0 || height <= 0 {
        return Err(DecodeError::Bad(format!("image size {width}x{height}")));
    }
    let (w, h) = (width as u64, height as u64);
    if w * h > limits.max_pixels {
        return Err(DecodeError::TooLarge {
            width: w,
            height: h,
            limit: limits.max_pixels,
        });
    }
    let (w, h) = (w as u32, h as u32);
    let filters = filter_names(doc, dict);
    let image_filter = filters
        .last()
        .filter(|f| IMAGE_FILTERS.contains(&f.as_slice()))
        .cloned();
    let is_stencil =
        get_any(doc, dict, &[b"ImageMask", b"IM"]).and_then(|o| o.as_bool().ok()) == Some(true);
    let decode_array: Option<Vec<f32>> = get_any(doc, dict, &[b"Decode", b"D"]).and_then(|o| {
        o.as_array()
            .ok()
            .map(|a| a.iter().filter_map(|v| v.as_float().ok()).collect())
    });
    let inverted = matches!(decode_array.as_deref(), Some([a, b, ..]) if a > b);

    let Some(image_filter) = image_filter else {
        let data = stream
            .decompressed_content_with_limit(limits.max_bytes)
            .or_else(|e| {
                if filters.is_empty() {
                    Ok(stream.content.clone())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| DecodeError::Bad(format!("stream: {e}")))?;
        let bpc = if is_stencil {
            1
        } else {
            get_any(doc, dict, &[b"BitsPerComponent", b"BPC"])
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(8)
        };
        if is_stencil {
            // Stencil mask (§8.9.6.2): sample 0 paints (unless /Decode [1 0]); we
            // return opacity, painted = 255.
            let samples = unpack(&data, w, h, 1, 1)?;
            let pixels = samples
                .iter()
                .map(|&s| if (s == 0) != inverted { 255 } else { 0 })
                .collect();
            return Ok(Gray {
                width: w,
                height: h,
                pixels,
            });
        }
        let cs = ColorSpace::of(doc, get_any(doc, dict, &[b"ColorSpace", b"CS"]));
        return to_gray(&data, w, h, bpc as u32, &cs, decode_array.as_deref());
    };

    // General-purpose filters before the image filter are decoded by lopdf.
    let raw = if filters.len() > 1 {
        let mut d = dict.clone();
        let pre: Vec<Object> = filters[..filters.len() - 1]
            .iter()
            .map(|f| Object::Name(f.clone()))
            .collect();
        d.set("Filter", Object::Array(pre));
        d.remove(b"DecodeParms");
        d.remove(b"DP");
        let s = Stream::new(d, stream.content.clone());
        s.decompressed_content_with_limit(limits.max_bytes)
            .map_err(|e| DecodeError::Bad(format!("stream: {e}")))?
    } else {
        stream.content.clone()
    };
    let parms = decode_parms(doc, dict, filters.len() - 1);
    let mut gray = match image_filter.as_slice() {
        b"DCTDecode" => decode_jpeg(&raw, limits)?,
        b"CCITTFaxDecode" => decode_ccitt(doc, &raw, w, h, parms)?,
        b"JBIG2Decode" => decode_jbig2(doc, &raw, parms)?,
        other => {
            return Err(DecodeError::Unsupported(
                String::from_utf8_lossy(other).into_owned(),
            ))
        }
    };
    if gray.width != w || gray.height != h {
        gray = resize_nearest(&gray, w, h);
    }
    if is_stencil {
        // Bi-level samples: black (0) is the painted value.
        for p in &mut gray.pixels {
            *p = if (*p < 128) != inverted { 255 } else { 0 };
        }
    } else if inverted {
        for p in &mut gray.pixels {
            *p = 255 - *p;
        }
    }
    Ok(gray)
}

/// The colour spaces we turn into gray (§8.6).
#[derive(Debug, Clone)]
enum ColorSpace {
    Gray,
    Rgb,
    Cmyk,
    /// One tint component where 1 = full ink (Separation, DeviceN with one colorant).
    Ink,
    /// Lookup table into a base space, with `hival + 1` entries.
    Indexed {
        base: Box<ColorSpace>,
        lookup: Vec<u8>,
    },
}

impl ColorSpace {
    fn components(&self) -> usize {
        match self {
            ColorSpace::Gray | ColorSpace::Ink | ColorSpace::Indexed { .. } => 1,
            ColorSpace::Rgb => 3,
            ColorSpace::Cmyk => 4,
        }
    }

    fn of(doc: &Document, obj: Option<&Object>) -> ColorSpace {
        Self::of_depth(doc, obj, 0)
    }

    fn of_depth(doc: &Document, obj: Option<&Object>, depth: u32) -> ColorSpace {
        let Some(obj) = obj else {
            return ColorSpace::Gray;
        };
        let obj = doc.dereference(obj).map(|(_, o)| o).unwrap_or(obj);
        if depth > 4 {
            return ColorSpace::Gray;
        }
        match obj {
            Object::Name(n) => match n.as_slice() {
                b"DeviceRGB" | b"RGB" | b"CalRGB" => ColorSpace::Rgb,
                b"DeviceCMYK" | b"CMYK" => ColorSpace::Cmyk,
                _ => ColorSpace::Gray,
            },
            Object::Array(a) => {
                let family = a.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
                match family {
                    b"ICCBased" => {
                        let n = a
                            .get(1)
                            .and_then(|o| doc.dereference(o).ok())
                            .and_then(|(_, o)| o.as_stream().ok())
                            .and_then(|s| s.dict.get(b"N").ok().and_then(|n| n.as_i64().ok()))
                            .unwrap_or(3);
                        match n {
                            1 => ColorSpace::Gray,
                            4 => ColorSpace::Cmyk,
                            _ => ColorSpace::Rgb,
                        }
                    }
                    b"CalRGB" | b"Lab" => ColorSpace::Rgb,
                    b"CalGray" => ColorSpace::Gray,
                    b"Separation" | b"DeviceN" => ColorSpace::Ink,
                    b"Indexed" | b"I" => {
                        let base = Self::of_depth(doc, a.get(1), depth + 1);
                        let lookup = a
                            .get(3)
                            .and_then(|o| doc.dereference(o).ok())
                            .map(|(_, o)| match o {
                                Object::String(s, _) => s.clone(),
                                Object::Stream(s) => s.decompressed_content().unwrap_or_default(),
                                _ => Vec::new(),
                            })
                            .unwrap_or_default();
                        ColorSpace::Indexed {
                            base: Box::new(base),
                            lookup,
                        }
                    }
                    _ => ColorSpace::Gray,
                }
            }
            _ => ColorSpace::Gray,
        }
    }
}

/// Luma of an RGB triple (ITU-R BT.601 weights).
fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((299 * r as u32 + 587 * g as u32 + 114 * b as u32) / 1000) as u8
}

fn cmyk_gray(c: u8, m: u8, y: u8, k: u8) -> u8 {
    let ink = (3 * c as u32 + 6 * m as u32 + y as u32) / 10 + k as u32;
    255u32.saturating_sub(ink) as u8
}

/// Unpack `bpc`-bit samples, rows padded to whole bytes (§8.9.3), scaled to 0..=255.
fn unpack(data: &[u8], w: u32, h: u32, comps: usize, bpc: u32) -> Result<Vec<u8>, DecodeError> {
    let per_row = w as usize * comps;
    let row_bytes = (per_row * bpc as usize).div_ceil(8);
    let need = row_bytes * h as usize;
    if data.len() < need {
        // Short data: decode what is there, pad the rest white rather than failing.
    }
    let mut out = Vec::with_capacity(per_row * h as usize);
    for row in 0..h as usize {
        let start = row * row_bytes;
        let bytes = data
            .get(start..(start + row_bytes).min(data.len()))
            .unwrap_or(&[]);
        for i in 0..per_row {
            let v = match bpc {
                8 => bytes.get(i).copied().unwrap_or(255),
                16 => bytes.get(2 * i).copied().unwrap_or(255),
                1 | 2 | 4 => {
                    let bit = i * bpc as usize;
                    let byte = bytes.get(bit / 8).copied().unwrap_or(0xff);
                    let shift = 8 - bpc as usize - (bit % 8);
                    let max = (1u32 << bpc) - 1;
                    let s = (byte as u32 >> shift) & max;
                    (s * 255 / max) as u8
                }
                other => return Err(DecodeError::Bad(format!("{other} bits per component"))),
            };
            out.push(v);
        }
    }
    Ok(out)
}

/// Samples of any supported colour space to gray, applying `/Decode` (§8.9.5.2).
fn to_gray(
    data: &[u8],
    w: u32,
    h: u32,
    bpc: u32,
    cs: &ColorSpace,
    decode: Option<&[f32]>,
) -> Result<Gray, DecodeError> {
    let comps = cs.components();
    let n = w as usize * h as usize;
    if let ColorSpace::Indexed { base, lookup } = cs {
        // Indexed samples are raw indices, not scaled.
        let per_row = w as usize;
        let row_bytes = (per_row * bpc as usize).div_ceil(8);
        let bc = base.components();
        let mut pixels = Vec::with_capacity(n);
        for row in 0..h as usize {
            for i in 0..per_row {
                let bit = i * bpc as usize;
                let byte = data.get(row * row_bytes + bit / 8).copied().unwrap_or(0);
                let idx = if bpc == 8 {
                    byte as usize
                } else {
                    let shift = 8usize.saturating_sub(bpc as usize + bit % 8);
                    (byte as usize >> shift) & ((1usize << bpc) - 1)
                };
                let e = lookup
                    .get(idx * bc..idx * bc + bc)
                    .unwrap_or(&[255, 255, 255, 0]);
                pixels.push(match (base.as_ref(), e) {
                    (ColorSpace::Rgb, [r, g, b, ..]) => luma(*r, *g, *b),
                    (ColorSpace::Cmyk, [c, m, y, k, ..]) => cmyk_gray(*c, *m, *y, *k),
                    (ColorSpace::Ink, [t, ..]) => 255 - t,
                    (_, [v, ..]) => *v,
                    _ => 255,
                });
            }
        }
        return Ok(Gray {
            width: w,
            height: h,
            pixels,
        });
    }
    let mut s = unpack(data, w, h, comps, bpc)?;
    if let Some(d) = decode {
        for (i, v) in s.iter_mut().enumerate() {
            let c = i % comps;
            if let (Some(&lo), Some(&hi)) = (d.get(2 * c), d.get(2 * c + 1)) {
                let x = lo + (*v as f32 / 255.0) * (hi - lo);
                *v = (x.clamp(0.0, 1.0) * 255.0).round() as u8;
            }
        }
    }
    let pixels = match cs {
        ColorSpace::Gray => s,
        ColorSpace::Ink => s.into_iter().map(|t| 255 - t).collect(),
        ColorSpace::Rgb => s.chunks_exact(3).map(|p| luma(p[0], p[1], p[2])).collect(),
        ColorSpace::Cmyk => s
            .chunks_exact(4)
            .map(|p| cmyk_gray(p[0], p[1], p[2], p[3]))
            .collect(),
        ColorSpace::Indexed { .. } => unreachable_gray(n),
    };
    Ok(Gray {
        width: w,
        height: h,
        pixels,
    })
}

/// Indexed is handled above; kept total so no panic path exists.
fn unreachable_gray(n: usize) -> Vec<u8> {
    vec![255; n]
}

/// Baseline and progressive JPEG through `zune-jpeg`, asked for luma directly.
fn decode_jpeg(data: &[u8], limits: DecodeLimits) -> Result<Gray, DecodeError> {
    use zune_core::bytestream::ZCursor;
    use zune_core::colorspace::ColorSpace as ZColor;
    use zune_core::options::DecoderOptions;
    let side = (limits.max_pixels as f64).sqrt() as usize * 4;
    let options = DecoderOptions::default()
        .set_max_width(side)
        .set_max_height(side)
        .jpeg_set_out_colorspace(ZColor::Luma);
    let mut dec = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(data), options);
    dec.decode_headers()
        .map_err(|e| DecodeError::Bad(format!("jpeg: {e:?}")))?;
    let info = dec
        .info()
        .ok_or_else(|| DecodeError::Bad("jpeg: no header".into()))?;
    let (w, h) = (info.width as u32, info.height as u32);
    if w as u64 * h as u64 > limits.max_pixels {
        return Err(DecodeError::TooLarge {
            width: w as u64,
            height: h as u64,
            limit: limits.max_pixels,
        });
    }
    let input_cs = dec.input_colorspace();
    if matches!(input_cs, Some(ZColor::CMYK) | Some(ZColor::YCCK)) {
        // Four-component JPEG: decode as CMYK and mix ourselves; Adobe writes the
        // components inverted (APP14), which is what PDF producers emit in practice.
        let options = DecoderOptions::default().jpeg_set_out_colorspace(ZColor::CMYK);
        let mut dec = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(data), options);
        let px = dec
            .decode()
            .map_err(|e| DecodeError::Bad(format!("jpeg: {e:?}")))?;
        let pixels = px
            .chunks_exact(4)
            .map(|p| cmyk_gray(255 - p[0], 255 - p[1], 255 - p[2], 255 - p[3]))
            .collect();
        return Ok(Gray {
            width: w,
            height: h,
            pixels,
        });
    }
    let px = dec
        .decode()
        .map_err(|e| DecodeError::Bad(format!("jpeg: {e:?}")))?;
    let n = w as usize * h as usize;
    let pixels = if px.len() == n {
        px
    } else if px.len() == 3 * n {
        px.chunks_exact(3).map(|p| luma(p[0], p[1], p[2])).collect()
    } else {
        return Err(DecodeError::Bad(format!(
            "jpeg: {} bytes for {w}x{h}",
            px.len()
        )));
    };
    Ok(Gray {
        width: w,
        height: h,
        pixels,
    })
}

/// Collects CCITT rows (lists of colour changes, starting white) into gray pixels.
struct CcittSink {
    width: u32,
    black_is_1: bool,
    pixels: Vec<u8>,
    rows: u32,
    max_rows: u32,
}

impl hayro_ccitt::Decoder for CcittSink {
    fn push_row(&mut self, changes: &[u32]) {
        if self.rows >= self.max_rows {
            return;
        }
        self.rows += 1;
        // With /BlackIs1 false (the default) the filter yields 0 for black, so the
        // decoded row goes to DeviceGray unchanged (§7.4.6, table 11).
        let (white, black) = if self.black_is_1 { (0, 255) } else { (255, 0) };
        let mut color_black = false;
        let mut x = 0u32;
        for &c in changes.iter().chain(std::iter::once(&self.width)) {
            let c = c.min(self.width);
            let v = if color_black { black } else { white };
            self.pixels
                .extend(std::iter::repeat_n(v, c.saturating_sub(x) as usize));
            x = x.max(c);
            color_black = !color_black;
        }
    }
}

/// CCITTFaxDecode with the parameters of §7.4.6 (table 11).
fn decode_ccitt(
    doc: &Document,
    data: &[u8],
    w: u32,
    h: u32,
    parms: Option<&Dictionary>,
) -> Result<Gray, DecodeError> {
    let empty = Dictionary::new();
    let p = parms.unwrap_or(&empty);
    let k = get_i64(doc, p, b"K").unwrap_or(0);
    let columns = get_i64(doc, p, b"Columns")
        .unwrap_or(1728)
        .clamp(1, 1 << 20) as u32;
    let rows = get_i64(doc, p, b"Rows")
        .unwrap_or(h as i64)
        .clamp(0, 1 << 20) as u32;
    if columns as u64 * h as u64 > MAX_BILEVEL_PIXELS {
        return Err(DecodeError::TooLarge {
            width: columns as u64,
            height: h as u64,
            limit: MAX_BILEVEL_PIXELS,
        });
    }
    let settings = hayro_ccitt::DecodeSettings {
        columns,
        rows,
        end_of_block: get_bool(doc, p, b"EndOfBlock").unwrap_or(true),
        end_of_line: get_bool(doc, p, b"EndOfLine").unwrap_or(false),
        rows_are_byte_aligned: get_bool(doc, p, b"EncodedByteAlign").unwrap_or(false),
        encoding: match k {
            k if k < 0 => hayro_ccitt::EncodingMode::Group4,
            0 => hayro_ccitt::EncodingMode::Group3_1D,
            _ => hayro_ccitt::EncodingMode::Group3_2D,
        },
        strict: false,
    };
    let mut sink = CcittSink {
        width: columns,
        black_is_1: get_bool(doc, p, b"BlackIs1").unwrap_or(false),
        pixels: Vec::with_capacity(columns as usize * h as usize),
        rows: 0,
        max_rows: h.max(rows),
    };
    let mut ctx = hayro_ccitt::DecoderContext::new(settings);
    // A damaged stream still yields the rows decoded before the damage.
    let result = hayro_ccitt::decode(data, &mut sink, &mut ctx);
    if sink.rows == 0 {
        return Err(DecodeError::Bad(format!("ccitt: {:?}", result.err())));
    }
    let decoded_rows = sink.rows;
    let mut pixels = sink.pixels;
    let white = if sink.black_is_1 { 0 } else { 255 };
    pixels.resize(columns as usize * h as usize, white);
    let _ = (w, decoded_rows);
    Ok(Gray {
        width: columns,
        height: h,
        pixels,
    })
}

/// Collects JBIG2 pixels (black = true) into gray.
struct JbigSink {
    pixels: Vec<u8>,
}

impl hayro_jbig2::Decoder for JbigSink {
    fn push_pixel(&mut self, black: bool) {
        self.pixels.push(if black { 0 } else { 255 });
    }
    fn push_pixel_chunk(&mut self, black: bool, chunk_count: u32) {
        let v = if black { 0 } else { 255 };
        self.pixels
            .extend(std::iter::repeat_n(v, chunk_count as usize * 8));
    }
    fn next_line(&mut self) {}
}

/// JBIG2Decode (§7.4.7): embedded-stream pages with optional `/JBIG2Globals`.
fn decode_jbig2(
    doc: &Document,
    data: &[u8],
    parms: Option<&Dictionary>,
) -> Result<Gray, DecodeError> {
    let settings = hayro_jbig2::DecodeSettings::default();
    let globals_data = parms
        .and_then(|p| p.get(b"JBIG2Globals").ok())
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .and_then(|s| {
            s.decompressed_content()
                .ok()
                .or_else(|| Some(s.content.clone()))
        });
    let globals = match &globals_data {
        Some(g) => Some(
            hayro_jbig2::Globals::new(g, &settings)
                .map_err(|e| DecodeError::Bad(format!("jbig2 globals: {e:?}")))?,
        ),
        None => None,
    };
    let page = hayro_jbig2::Page::new_embedded(data, globals.as_ref(), &settings)
        .map_err(|e| DecodeError::Bad(format!("jbig2: {e:?}")))?;
    let (w, h) = (page.width(), page.height());
    if w as u64 * h as u64 > MAX_BILEVEL_PIXELS {
        return Err(DecodeError::TooLarge {
            width: w as u64,
            height: h as u64,
            limit: MAX_BILEVEL_PIXELS,
        });
    }
    let mut sink = JbigSink {
        pixels: Vec::with_capacity(w as usize * h as usize),
    };
    page.decode(&mut sink)
        .map_err(|e| DecodeError::Bad(format!("jbig2: {e:?}")))?;
    sink.pixels.resize(w as usize * h as usize, 255);
    Ok(Gray {
        width: w,
        height: h,
        pixels: sink.pixels,
    })
}

/// Nearest-neighbour resize, used only when a decoder's size disagrees with the
/// image dictionary (the dictionary wins, §8.9.5).
pub fn resize_nearest(g: &Gray, w: u32, h: u32) -> Gray {
    let mut pixels = Vec::with_capacity(w as usize * h as usize);
    for y in 0..h {
        let sy = (y as u64 * g.height as u64 / h.max(1) as u64) as usize;
        for x in 0..w {
            let sx = (x as u64 * g.width as u64 / w.max(1) as u64) as usize;
            pixels.push(
                g.pixels
                    .get(sy * g.width as usize + sx)
                    .copied()
                    .unwrap_or(255),
            );
        }
    }
    Gray {
        width: w,
        height: h,
        pixels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpack_bit_depths() {
        let cases: &[(&[u8], u32, u32, Vec<u8>)] = &[
            (&[0b1010_0000], 3, 1, vec![255, 0, 255]),
            (&[0b1110_0100], 4, 2, vec![255, 170, 85, 0]),
            (&[0x0f], 2, 4, vec![0, 255]),
            (&[7, 200], 2, 8, vec![7, 200]),
        ];
        for (data, w, bpc, want) in cases {
            assert_eq!(&unpack(data, *w, 1, 1, *bpc).unwrap(), want, "bpc {bpc}");
        }
    }

    #[test]
    fn colour_spaces_to_gray() {
        let rgb = to_gray(&[255, 255, 255, 0, 0, 0], 2, 1, 8, &ColorSpace::Rgb, None).unwrap();
        assert_eq!(rgb.pixels, vec![255, 0]);
        let inv = to_gray(
            &[0b1000_0000],
            2,
            1,
            1,
            &ColorSpace::Gray,
            Some(&[1.0, 0.0]),
        )
        .unwrap();
        assert_eq!(inv.pixels, vec![0, 255]);
        let idx = ColorSpace::Indexed {
            base: Box::new(ColorSpace::Rgb),
            lookup: vec![0, 0, 0, 255, 255, 255],
        };
        assert_eq!(
            to_gray(&[1, 0], 2, 1, 8, &idx, None).unwrap().pixels,
            vec![255, 0]
        );
    }

    #[test]
    fn ccitt_row_sink_paints_runs() {
        use hayro_ccitt::Decoder;
        let mut s = CcittSink {
            width: 6,
            black_is_1: false,
            pixels: vec![],
            rows: 0,
            max_rows: 9,
        };
        s.push_row(&[1, 3]);
        s.push_row(&[4]);
        assert_eq!(
            s.pixels,
            vec![255, 0, 0, 255, 255, 255, 255, 255, 255, 255, 0, 0]
        );
    }
}
