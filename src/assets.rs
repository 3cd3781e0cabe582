//! Embedded assets: the Inter font (OFL, `reports/fonts/`), compiled in once, for the figures
//! (measured and drawn with it), the HTML (embedded so browsers draw the same) and the step
//! cache (a new font is a new tool). Uses nothing.

/// The regular face.
pub const FONT_REGULAR: &[u8] = include_bytes!("../reports/fonts/Inter-Regular.otf");
/// The bold face, for titles.
pub const FONT_BOLD: &[u8] = include_bytes!("../reports/fonts/Inter-Bold.otf");
