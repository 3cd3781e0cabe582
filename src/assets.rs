//! Embedded assets: the Inter font (OFL, `reports/fonts/`), compiled in once, for the figures
//! (measured and drawn with it), the HTML (embedded so browsers draw the same) and the step
//! cache (a new font is a new tool). Uses nothing.

/// The regular face.
pub const FONT_REGULAR: &[u8] = include_bytes!("../reports/fonts/Inter-Regular.otf");
/// The bold face, for titles.
pub const FONT_BOLD: &[u8] = include_bytes!("../reports/fonts/Inter-Bold.otf");

/// The PDF's serif, Liberation Serif (OFL, `reports/fonts/liberation/`), metric-compatible
/// with Times New Roman: regular, bold, italic, bold italic.
pub const SERIF: [&[u8]; 4] = [
    include_bytes!("../reports/fonts/liberation/LiberationSerif-Regular.ttf"),
    include_bytes!("../reports/fonts/liberation/LiberationSerif-Bold.ttf"),
    include_bytes!("../reports/fonts/liberation/LiberationSerif-Italic.ttf"),
    include_bytes!("../reports/fonts/liberation/LiberationSerif-BoldItalic.ttf"),
];
