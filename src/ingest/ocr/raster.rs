//! PDF pages to grayscale rasters for OCR: walk each page's content stream (and the
//! Form XObjects it calls), place every image XObject and inline image at its current
//! transformation matrix, and compose them on a white page. Also measures how much of
//! the page the images cover and how much text the page shows, for image-only page
//! detection.
//!
//! Input: PDF bytes and page numbers; output: one [`PageImage`] per page, with the
//! matrix that maps PDF user space to raster pixels so OCR boxes can be mapped back
//! to PDF points.

use super::decode::{decode_image, DecodeError, DecodeLimits, Gray};
use super::{OcrError, OcrOptions};
use crate::diagnostic::FlagCode;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// An affine matrix `[a b c d e f]` as in PDF (§8.3.3): `x' = a x + c y + e`,
/// `y' = b x + d y + f`.
pub type Matrix = [f64; 6];

const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m` then `n` (row-vector convention as in PDF: `m × n`).
pub fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

pub fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

pub fn invert(m: &Matrix) -> Option<Matrix> {
    let det = m[0] * m[3] - m[1] * m[2];
    if det.abs() < 1e-12 || !det.is_finite() {
        return None;
    }
    let (a, b, c, d) = (m[3] / det, -m[1] / det, -m[2] / det, m[0] / det);
    Some([a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d)])
}

/// One page rendered for OCR.
#[derive(Debug, Clone)]
pub struct PageImage {
    /// Page number, from 1.
    pub page: u32,
    pub width: u32,
    pub height: u32,
    /// Gray pixels, row-major, top row first; 0 = black, 255 = white.
    pub pixels: Vec<u8>,
    /// Raster pixels per PDF point.
    pub scale: f64,
    /// The raster's resolution as if the page were printed on A4-sized paper
    /// (oversized pages, as some scanners write them, count as A4).
    pub dpi: f64,
    /// PDF user space to raster pixels (including `/Rotate`).
    pub to_pixels: Matrix,
    /// Number of images drawn.
    pub images: usize,
    /// What rendering left out, each with the flag code it becomes in the document:
    /// an image over `max_image_pixels` or a page over `max_pixels` (`limit_reached`),
    /// an image that could not be decoded (`parse_error`). The page is still rendered.
    pub warnings: Vec<RenderWarning>,
}

/// One thing the renderer left out of a page, said as a flag of the document (issue
/// 14: such a page is read without it, so the document is `partial`, never `ok`).
#[derive(Debug, Clone, PartialEq)]
pub struct RenderWarning {
    pub code: FlagCode,
    /// Starts with the page: "page 3: image 1 ...".
    pub message: String,
}

impl RenderWarning {
    /// The warning for image `index` (from 1) of page `page` that did not decode.
    fn image(page: u32, index: usize, what: &str, err: &DecodeError) -> RenderWarning {
        let code = match err {
            DecodeError::TooLarge { .. } => FlagCode::LimitReached,
            DecodeError::Unsupported(_) | DecodeError::Bad(_) => FlagCode::ParseError,
        };
        let tail = match err {
            DecodeError::TooLarge { .. } => {
                " (max_image_pixels): not drawn, the page was read without it"
            }
            _ => ": not drawn, the page was read without it",
        };
        RenderWarning {
            code,
            message: format!("page {page}: image {index} ({what}): {err}{tail}"),
        }
    }
}

impl PageImage {
    /// A page image from raw pixels (tests, callers that render pages themselves).
    /// The page box is `width / scale` × `height / scale` points, origin bottom-left.
    pub fn from_pixels(
        page: u32,
        width: u32,
        height: u32,
        pixels: Vec<u8>,
        scale: f64,
    ) -> PageImage {
        PageImage {
            page,
            width,
            height,
            pixels,
            scale,
            dpi: scale * 72.0,
            to_pixels: [scale, 0.0, 0.0, -scale, 0.0, height as f64],
            images: 1,
            warnings: Vec::new(),
        }
    }

    /// The box in PDF points of a pixel rectangle `[x0, y0, x1, y1)`.
    pub fn pixel_box_to_pdf(&self, x0: f64, y0: f64, x1: f64, y1: f64) -> crate::source::BBox {
        let inv = invert(&self.to_pixels).unwrap_or(IDENTITY);
        let pts = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)].map(|(x, y)| apply(&inv, x, y));
        let xs = pts.map(|p| p.0);
        let ys = pts.map(|p| p.1);
        let min = |v: [f64; 4]| v.iter().copied().fold(f64::INFINITY, f64::min);
        let max = |v: [f64; 4]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        crate::source::BBox([min(xs), min(ys), max(xs), max(ys)]).rounded()
    }

    /// The gray value at `(x, y)`, white outside the raster.
    pub fn at(&self, x: i64, y: i64) -> u8 {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 {
            return 255;
        }
        self.pixels[y as usize * self.width as usize + x as usize]
    }
}

/// What a page shows, for deciding whether it needs OCR.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageProfile {
    pub page: u32,
    /// Bytes of string operands of text-showing operators (Tj, TJ, ', ").
    pub text_bytes: usize,
    /// Number of text-showing operators.
    pub text_ops: usize,
    /// Number of images placed.
    pub images: usize,
    /// Fraction of the page box covered by the largest image (0..1).
    pub image_coverage: f64,
}

/// Things found while walking a page.
#[derive(Default)]
struct Walk {
    /// (CTM of the image, stream) in painting order.
    images: Vec<(Matrix, Stream)>,
    text_bytes: usize,
    text_ops: usize,
}

/// The most nested Form XObjects followed; deeper ones are skipped (loops in
/// malformed files end here).
const MAX_FORM_DEPTH: u32 = 12;
/// The most images placed on one page.
const MAX_IMAGES: usize = 2000;

fn num(o: &Object) -> Option<f64> {
    o.as_float().ok().map(f64::from)
}

fn matrix_of(ops: &[Object]) -> Option<Matrix> {
    if ops.len() != 6 {
        return None;
    }
    let v: Vec<f64> = ops.iter().filter_map(num).collect();
    (v.len() == 6).then(|| [v[0], v[1], v[2], v[3], v[4], v[5]])
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

/// Walk one content stream with its resources.
fn walk_content(
    doc: &Document,
    content: &[u8],
    resources: Option<&Dictionary>,
    ctm0: Matrix,
    depth: u32,
    seen: &mut Vec<ObjectId>,
    out: &mut Walk,
) {
    let Ok(content) = lopdf::content::Content::decode(content) else {
        return;
    };
    let mut ctm = ctm0;
    let mut stack: Vec<Matrix> = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(ctm0),
            "cm" => {
                if let Some(m) = matrix_of(&op.operands) {
                    ctm = mul(&m, &ctm);
                }
            }
            "Tj" | "'" | "\"" | "TJ" => {
                out.text_ops += 1;
                out.text_bytes += op.operands.iter().map(string_bytes).sum::<usize>();
            }
            "BI" => {
                if let Some(Object::Stream(s)) = op.operands.first() {
                    if out.images.len() < MAX_IMAGES {
                        out.images.push((ctm, s.clone()));
                    }
                }
            }
            "Do" => {
                let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                let Some(xobjects) = resources
                    .and_then(|r| r.get(b"XObject").ok())
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_dict().ok())
                else {
                    continue;
                };
                let Ok(obj_ref) = xobjects.get(name) else {
                    continue;
                };
                let id = obj_ref.as_reference().ok();
                let Ok(Object::Stream(s)) = doc.dereference(obj_ref).map(|(_, o)| o) else {
                    continue;
                };
                match s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) {
                    Some(b"Image") if out.images.len() < MAX_IMAGES => {
                        out.images.push((ctm, s.clone()));
                    }
                    Some(b"Form") => {
                        if depth >= MAX_FORM_DEPTH || id.is_some_and(|i| seen.contains(&i)) {
                            continue;
                        }
                        // §8.10.1: the form's /Matrix is concatenated with the CTM.
                        let fm = s
                            .dict
                            .get(b"Matrix")
                            .ok()
                            .and_then(|o| o.as_array().ok())
                            .and_then(|a| matrix_of(a));
                        let fctm = mul(&fm.unwrap_or(IDENTITY), &ctm);
                        let fres = s
                            .dict
                            .get(b"Resources")
                            .ok()
                            .map(|o| deref(doc, o))
                            .and_then(|o| o.as_dict().ok())
                            .or(resources);
                        let body = s
                            .decompressed_content()
                            .unwrap_or_else(|_| s.content.clone());
                        if let Some(i) = id {
                            seen.push(i);
                        }
                        walk_content(doc, &body, fres, fctm, depth + 1, seen, out);
                        if id.is_some() {
                            seen.pop();
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

fn string_bytes(o: &Object) -> usize {
    match o {
        Object::String(s, _) => s.len(),
        Object::Array(a) => a.iter().map(string_bytes).sum(),
        _ => 0,
    }
}

/// The page's visible box (CropBox, else MediaBox, inherited; §7.7.3.3) and rotation.
fn page_geometry(doc: &Document, page_id: ObjectId) -> ([f64; 4], i64) {
    let mut media = None;
    let mut crop = None;
    let mut rotate = None;
    let mut node = doc.get_dictionary(page_id).ok();
    let mut hops = 0;
    while let Some(d) = node {
        let rect = |key: &[u8]| {
            d.get(key)
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .map(|a| a.iter().filter_map(num).collect::<Vec<f64>>())
                .filter(|v| v.len() == 4)
                .map(|v| {
                    [
                        v[0].min(v[2]),
                        v[1].min(v[3]),
                        v[0].max(v[2]),
                        v[1].max(v[3]),
                    ]
                })
        };
        media = media.or_else(|| rect(b"MediaBox"));
        crop = crop.or_else(|| rect(b"CropBox"));
        rotate = rotate.or_else(|| d.get(b"Rotate").ok().and_then(|o| o.as_i64().ok()));
        hops += 1;
        node = d
            .get(b"Parent")
            .ok()
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok())
            .filter(|_| hops < 64);
    }
    let media = media.unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let rect = match crop {
        // The crop box is clipped to the media box.
        Some(c) => [
            c[0].max(media[0]),
            c[1].max(media[1]),
            c[2].min(media[2]),
            c[3].min(media[3]),
        ],
        None => media,
    };
    let rect = if rect[2] - rect[0] < 1.0 || rect[3] - rect[1] < 1.0 {
        media
    } else {
        rect
    };
    (rect, rotate.unwrap_or(0).rem_euclid(360))
}

/// Open a PDF with lopdf's bomb limits.
pub(crate) fn load(bytes: &[u8], opts: &OcrOptions) -> Result<Document, OcrError> {
    let load_opts = lopdf::LoadOptions {
        max_decompressed_size: Some(opts.max_stream_bytes),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, load_opts)
        .map_err(|e| OcrError::Pdf(e.to_string()))?;
    Ok(doc)
}

fn walk_page(doc: &Document, page_id: ObjectId, opts: &OcrOptions) -> Walk {
    let mut walk = Walk::default();
    let content = doc
        .get_page_content_with_limit(page_id, opts.max_stream_bytes)
        .unwrap_or_default();
    let (direct, ids) = doc
        .get_page_resources(page_id)
        .unwrap_or((None, Vec::new()));
    let res = direct.or_else(|| ids.first().and_then(|id| doc.get_dictionary(*id).ok()));
    walk_content(doc, &content, res, IDENTITY, 0, &mut Vec::new(), &mut walk);
    walk
}

/// The area of the page box covered by the unit square under `m`, as a fraction.
fn coverage(m: &Matrix, rect: &[f64; 4]) -> f64 {
    let pts = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(u, v)| apply(m, u, v));
    let x0 = pts
        .iter()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min)
        .max(rect[0]);
    let x1 = pts
        .iter()
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max)
        .min(rect[2]);
    let y0 = pts
        .iter()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min)
        .max(rect[1]);
    let y1 = pts
        .iter()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max)
        .min(rect[3]);
    let area = (rect[2] - rect[0]) * (rect[3] - rect[1]);
    if x1 <= x0 || y1 <= y0 || area <= 0.0 {
        return 0.0;
    }
    ((x1 - x0) * (y1 - y0) / area).min(1.0)
}

/// Text and image measurements of every page (or of `page_numbers`, if not empty).
pub fn page_profiles(
    bytes: &[u8],
    page_numbers: &[u32],
    opts: &OcrOptions,
) -> Result<Vec<PageProfile>, OcrError> {
    let doc = load(bytes, opts)?;
    let pages = doc.get_pages();
    let mut out = Vec::new();
    for (&n, &id) in &pages {
        if !page_numbers.is_empty() && !page_numbers.contains(&n) {
            continue;
        }
        let walk = walk_page(&doc, id, opts);
        let (rect, _) = page_geometry(&doc, id);
        out.push(PageProfile {
            page: n,
            text_bytes: walk.text_bytes,
            text_ops: walk.text_ops,
            images: walk.images.len(),
            image_coverage: walk
                .images
                .iter()
                .map(|(m, _)| coverage(m, &rect))
                .fold(0.0, f64::max),
        });
    }
    Ok(out)
}

/// Render the images of the given pages (1-based) into gray rasters.
pub fn page_images(
    bytes: &[u8],
    page_numbers: &[u32],
    opts: &OcrOptions,
) -> Result<Vec<PageImage>, OcrError> {
    let doc = load(bytes, opts)?;
    let pages = doc.get_pages();
    let mut out = Vec::with_capacity(page_numbers.len());
    for &n in page_numbers {
        let id = *pages.get(&n).ok_or(OcrError::PageNotFound(n))?;
        out.push(render_page(&doc, n, id, opts)?);
    }
    Ok(out)
}

/// The A4 short side in points (210 mm).
const A4_SHORT_PT: f64 = 595.28;

fn render_page(
    doc: &Document,
    number: u32,
    id: ObjectId,
    opts: &OcrOptions,
) -> Result<PageImage, OcrError> {
    let walk = walk_page(doc, id, opts);
    let (rect, rotate) = page_geometry(doc, id);
    let (pw, ph) = (rect[2] - rect[0], rect[3] - rect[1]);
    // Scanners and phone apps write pages of any size in points; read the page as if
    // its short side were A4's when it is larger, so `dpi` means what it says on paper.
    let paper = (A4_SHORT_PT / pw.min(ph)).min(1.0);
    let mut scale = opts.dpi as f64 / 72.0 * paper;
    let max_px = opts.max_pixels as f64;
    let mut warnings = Vec::new();
    if pw * ph * scale * scale > max_px {
        let wanted = pw * ph * scale * scale;
        scale = (max_px / (pw * ph)).sqrt();
        warnings.push(RenderWarning {
            code: FlagCode::LimitReached,
            message: format!(
                "page {number}: the raster at {} dpi would be {:.0} pixels, over the limit of {} (max_pixels): read at {:.0} dpi",
                opts.dpi,
                wanted,
                opts.max_pixels,
                scale * 72.0 / paper
            ),
        });
    }
    let (rw, rh) = if rotate == 90 || rotate == 270 {
        (ph, pw)
    } else {
        (pw, ph)
    };
    let width = (rw * scale).round().max(1.0) as u32;
    let height = (rh * scale).round().max(1.0) as u32;
    // User space -> unrotated page coordinates with the origin at the top-left.
    let to_top_left: Matrix = [1.0, 0.0, 0.0, -1.0, -rect[0], rect[3]];
    // §8.3.2.3 /Rotate turns the page clockwise when displayed.
    let rot: Matrix = match rotate {
        90 => [0.0, 1.0, -1.0, 0.0, ph, 0.0],
        180 => [-1.0, 0.0, 0.0, -1.0, pw, ph],
        270 => [0.0, -1.0, 1.0, 0.0, 0.0, pw],
        _ => IDENTITY,
    };
    let to_pixels = mul(
        &mul(&to_top_left, &rot),
        &[scale, 0.0, 0.0, scale, 0.0, 0.0],
    );
    let mut img = PageImage {
        page: number,
        width,
        height,
        pixels: vec![255; width as usize * height as usize],
        scale,
        dpi: scale * 72.0 / paper,
        to_pixels,
        images: 0,
        warnings,
    };
    let limits = DecodeLimits {
        max_pixels: opts.max_image_pixels,
        max_bytes: opts.max_stream_bytes,
    };
    for (k, (ctm, stream)) in walk.images.iter().enumerate() {
        let gray = match decode_image(doc, stream, limits) {
            Ok(g) => g,
            Err(e) => {
                img.warnings
                    .push(RenderWarning::image(number, k + 1, "samples", &e));
                continue;
            }
        };
        let is_stencil = stream
            .dict
            .get(b"ImageMask")
            .ok()
            .and_then(|o| o.as_bool().ok())
            == Some(true)
            || stream.dict.get(b"IM").ok().and_then(|o| o.as_bool().ok()) == Some(true);
        let alpha = if is_stencil {
            Some(gray.clone())
        } else {
            stream
                .dict
                .get(b"SMask")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_stream().ok())
                .and_then(|s| match decode_image(doc, s, limits) {
                    Ok(g) => Some(g),
                    Err(e) => {
                        // Drawn without its soft mask (opaque): said, as it changes
                        // what the engine sees.
                        img.warnings
                            .push(RenderWarning::image(number, k + 1, "soft mask", &e));
                        None
                    }
                })
        };
        let color = if is_stencil { None } else { Some(&gray) };
        let m = mul(ctm, &to_pixels);
        draw(&mut img, color, alpha.as_ref(), &m);
        img.images += 1;
    }
    if opts.deskew && img.images > 0 {
        // Scans are rarely straight; ruling lines and rows are found on a level page.
        let a = skew_angle(&img);
        self::rotate(&mut img, a);
    }
    Ok(img)
}

/// The rotation (radians) that makes text lines horizontal: the angle in ±3° whose
/// row profile of ink is sharpest (sum of squared row counts), on a 4x reduced grid.
pub fn skew_angle(img: &PageImage) -> f64 {
    const K: u32 = 4;
    let (w, h) = (img.width / K, img.height / K);
    let mut ink: Vec<(f64, f64)> = Vec::new();
    for y in 0..h {
        for x in 0..w {
            if img.pixels[(y * K) as usize * img.width as usize + (x * K) as usize] < 128 {
                ink.push((x as f64, y as f64));
            }
        }
    }
    if ink.len() < 200 {
        return 0.0;
    }
    let score = |a: f64| -> f64 {
        let (s, c) = a.sin_cos();
        let mut rows = vec![0u32; (w + h) as usize * 2 + 8];
        let off = w as f64 + 4.0;
        for &(x, y) in &ink {
            let yy = (s * x + c * y + off).round().max(0.0) as usize;
            if let Some(r) = rows.get_mut(yy) {
                *r += 1;
            }
        }
        rows.iter().map(|&r| (r as f64) * (r as f64)).sum()
    };
    let mut best = (0.0, score(0.0));
    for i in -30..=30 {
        let a = (i as f64 * 0.1).to_radians();
        let v = score(a);
        if v > best.1 * 1.0001 {
            best = (a, v);
        }
    }
    best.0
}

/// Rotate the raster by `angle` radians about its centre (bilinear, white outside) and
/// keep `to_pixels` in step, so boxes still map back to PDF points.
pub fn rotate(img: &mut PageImage, angle: f64) {
    if angle.abs() < 1e-4 {
        return;
    }
    let (s, c) = angle.sin_cos();
    let (cx, cy) = (img.width as f64 / 2.0, img.height as f64 / 2.0);
    // Source -> destination pixels.
    let m: Matrix = [c, s, -s, c, cx - (c * cx - s * cy), cy - (s * cx + c * cy)];
    let Some(inv) = invert(&m) else { return };
    let src = Gray {
        width: img.width,
        height: img.height,
        pixels: std::mem::take(&mut img.pixels),
    };
    let mut out = vec![255u8; src.pixels.len()];
    for y in 0..img.height {
        for x in 0..img.width {
            let (sx, sy) = apply(&inv, x as f64 + 0.5, y as f64 + 0.5);
            if sx < 0.0 || sy < 0.0 || sx >= src.width as f64 || sy >= src.height as f64 {
                continue;
            }
            let v = sample(&src, sx / src.width as f64, 1.0 - sy / src.height as f64);
            out[y as usize * img.width as usize + x as usize] = v.round().clamp(0.0, 255.0) as u8;
        }
    }
    img.pixels = out;
    img.to_pixels = mul(&img.to_pixels, &m);
}

/// Shrink by an integer factor with a box filter, so that downsampled thin strokes
/// keep their ink instead of vanishing between samples.
fn shrink(g: &Gray, k: u32) -> Gray {
    if k <= 1 {
        return g.clone();
    }
    let (w, h) = (g.width.div_ceil(k), g.height.div_ceil(k));
    let mut pixels = Vec::with_capacity(w as usize * h as usize);
    for y in 0..h {
        for x in 0..w {
            let (mut sum, mut n) = (0u32, 0u32);
            for yy in y * k..((y + 1) * k).min(g.height) {
                let row = yy as usize * g.width as usize;
                for xx in x * k..((x + 1) * k).min(g.width) {
                    sum += g.pixels[row + xx as usize] as u32;
                    n += 1;
                }
            }
            pixels.push((sum / n.max(1)) as u8);
        }
    }
    Gray {
        width: w,
        height: h,
        pixels,
    }
}

fn sample(g: &Gray, u: f64, v: f64) -> f64 {
    // (u, v) in the unit square, v = 1 at the top row (§8.9.4 image space).
    let fx = u * g.width as f64 - 0.5;
    let fy = (1.0 - v) * g.height as f64 - 0.5;
    let x0 = fx.floor();
    let y0 = fy.floor();
    let (ax, ay) = (fx - x0, fy - y0);
    let px = |x: f64, y: f64| -> f64 {
        let xi = (x.max(0.0) as u32).min(g.width - 1) as usize;
        let yi = (y.max(0.0) as u32).min(g.height - 1) as usize;
        g.pixels[yi * g.width as usize + xi] as f64
    };
    let top = px(x0, y0) * (1.0 - ax) + px(x0 + 1.0, y0) * ax;
    let bottom = px(x0, y0 + 1.0) * (1.0 - ax) + px(x0 + 1.0, y0 + 1.0) * ax;
    top * (1.0 - ay) + bottom * ay
}

/// Paint an image (unit square under `m`, in pixels) over the raster. `color` None
/// paints black (stencil masks); `alpha` is opacity (255 = opaque).
fn draw(img: &mut PageImage, color: Option<&Gray>, alpha: Option<&Gray>, m: &Matrix) {
    let Some(inv) = invert(m) else { return };
    let pts = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(u, v)| apply(m, u, v));
    let x0 = pts
        .iter()
        .map(|p| p.0)
        .fold(f64::INFINITY, f64::min)
        .floor()
        .max(0.0) as u32;
    let x1 = (pts
        .iter()
        .map(|p| p.0)
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        .min(img.width as f64))
    .max(0.0) as u32;
    let y0 = pts
        .iter()
        .map(|p| p.1)
        .fold(f64::INFINITY, f64::min)
        .floor()
        .max(0.0) as u32;
    let y1 = (pts
        .iter()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        .min(img.height as f64))
    .max(0.0) as u32;
    if x1 <= x0 || y1 <= y0 {
        return;
    }
    // How many source pixels fall on one raster pixel, along the image's axes.
    let span = |g: &Gray| -> u32 {
        let du = (m[0].hypot(m[1])).max(1e-9);
        let dv = (m[2].hypot(m[3])).max(1e-9);
        let k = (g.width as f64 / du).min(g.height as f64 / dv);
        k.floor().max(1.0) as u32
    };
    let color = color.map(|g| shrink(g, span(g)));
    let alpha = alpha.map(|g| shrink(g, span(g)));
    let w = img.width as usize;
    for y in y0..y1 {
        for x in x0..x1 {
            let (u, v) = apply(&inv, x as f64 + 0.5, y as f64 + 0.5);
            if !(0.0..1.0).contains(&u) || !(0.0..1.0).contains(&v) {
                continue;
            }
            let a = alpha.as_ref().map_or(1.0, |g| sample(g, u, v) / 255.0);
            if a <= 0.0 {
                continue;
            }
            let c = color.as_ref().map_or(0.0, |g| sample(g, u, v));
            let p = &mut img.pixels[y as usize * w + x as usize];
            *p = (c * a + *p as f64 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_and_invert() {
        let m: Matrix = [2.0, 0.0, 0.0, 3.0, 10.0, 20.0];
        let r: Matrix = [0.0, 1.0, -1.0, 0.0, 0.0, 0.0];
        let mr = mul(&m, &r);
        assert_eq!(apply(&mr, 1.0, 1.0), apply(&r, 12.0, 23.0));
        let inv = invert(&mr).unwrap();
        let (x, y) = apply(&inv, apply(&mr, 3.0, 4.0).0, apply(&mr, 3.0, 4.0).1);
        assert!((x - 3.0).abs() < 1e-9 && (y - 4.0).abs() < 1e-9);
    }

    #[test]
    fn coverage_of_placements() {
        let page = [0.0, 0.0, 100.0, 200.0];
        let cases: &[(Matrix, f64)] = &[
            ([100.0, 0.0, 0.0, 200.0, 0.0, 0.0], 1.0),
            ([50.0, 0.0, 0.0, 200.0, 0.0, 0.0], 0.5),
            ([0.0, 200.0, -100.0, 0.0, 100.0, 0.0], 1.0),
            ([10.0, 0.0, 0.0, 10.0, 500.0, 0.0], 0.0),
        ];
        for (m, want) in cases {
            assert!((coverage(m, &page) - want).abs() < 1e-9, "{m:?}");
        }
    }

    #[test]
    fn draw_places_a_rotated_image() {
        // A 2x1 image (black, white) rotated 90° onto a 10x10 raster.
        let mut img = PageImage::from_pixels(1, 10, 10, vec![255; 100], 1.0);
        let g = Gray {
            width: 2,
            height: 1,
            pixels: vec![0, 255],
        };
        // Unit square -> pixels: u runs down the raster, v runs right.
        let m: Matrix = [0.0, 10.0, 10.0, 0.0, 0.0, 0.0];
        draw(&mut img, Some(&g), None, &m);
        assert_eq!(img.at(5, 2), 0, "first image column is the top half");
        assert_eq!(img.at(5, 8), 255);
    }

    /// A PDF built here: a 4x2 gray image (left half black) drawn by a Form XObject at
    /// `100 0 0 50 10 20 cm`, the form placed with `1 0 0 1 5 5 cm` on a 200x100 page.
    fn tiny_pdf() -> Vec<u8> {
        use lopdf::{dictionary, Document, Object, Stream};
        let mut doc = Document::with_version("1.5");
        let image = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image", "Width" => 4, "Height" => 2,
                "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            },
            vec![0, 0, 255, 255, 0, 0, 255, 255],
        );
        let image_id = doc.add_object(image);
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 200.into(), 100.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
            },
            b"q 100 0 0 50 10 20 cm /Im1 Do Q".to_vec(),
        );
        let form_id = doc.add_object(form);
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            b"q 1 0 0 1 5 5 cm /F1 Do Q".to_vec(),
        ));
        let pages_id = doc.new_object_id();
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "MediaBox" => vec![0.into(), 0.into(), 200.into(), 100.into()],
            "Contents" => content_id,
            "Resources" => dictionary! { "XObject" => dictionary! { "F1" => form_id } },
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
            ),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn form_xobject_image_placed_at_its_ctm() {
        let opts = OcrOptions {
            dpi: 72,
            ..OcrOptions::default()
        };
        let bytes = tiny_pdf();
        let img = page_images(&bytes, &[1], &opts).unwrap().remove(0);
        assert_eq!((img.width, img.height, img.images), (200, 100, 1));
        // Image spans x 15..115, y 25..75 in points; rows count from the top.
        assert_eq!(img.at(40, 50), 0, "left half of the image is black");
        assert_eq!(img.at(90, 50), 255, "right half is white");
        assert_eq!(img.at(10, 50), 255, "left of the image");
        assert_eq!(img.at(40, 20), 255, "above the image");
        let p = page_profiles(&bytes, &[], &opts).unwrap();
        assert_eq!((p[0].images, p[0].text_ops), (1, 0));
        assert!((p[0].image_coverage - 0.25).abs() < 1e-9);
        assert!(page_images(&bytes, &[2], &opts).is_err(), "no page 2");
    }

    #[test]
    fn skew_found_and_undone() {
        // Horizontal strokes drawn at +1.5° (y grows with x) on a 400x400 raster.
        let mut img = PageImage::from_pixels(1, 400, 400, vec![255; 160_000], 1.0);
        let t = 1.5f64.to_radians().tan();
        for row in (40..360).step_by(40) {
            for x in 20..380 {
                for d in 0..3 {
                    let y = (row as f64 + x as f64 * t) as usize + d;
                    img.pixels[y * 400 + x] = 0;
                }
            }
        }
        let a = skew_angle(&img);
        assert!((a.to_degrees() + 1.5).abs() < 0.25, "{}", a.to_degrees());
        self::rotate(&mut img, a);
        // After rotation a stroke's ink sits in few rows.
        let rows_with_ink = (0..400)
            .filter(|&y| (0..400).any(|x| img.at(x, y) < 128))
            .count();
        assert!(rows_with_ink < 8 * 8, "{rows_with_ink}");
        // The box mapping follows the rotation: the centre stays put.
        let b = img.pixel_box_to_pdf(200.0, 200.0, 200.0, 200.0);
        assert!(
            (b.0[0] - 200.0).abs() < 0.01 && (b.0[1] - 200.0).abs() < 0.01,
            "{b:?}"
        );
    }

    #[test]
    fn pixel_boxes_map_back_to_points() {
        let img = PageImage::from_pixels(1, 200, 400, vec![255; 80_000], 2.0);
        let b = img.pixel_box_to_pdf(0.0, 0.0, 20.0, 10.0);
        assert_eq!(b.0, [0.0, 195.0, 10.0, 200.0]);
    }
}
