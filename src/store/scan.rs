//! What an existing output folder holds: this tool's files (its ownership record, its
//! manifest's files unchanged, its own state) and everything else; and removing only the former.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::hash::sha256_file;
use super::publish::{MANIFEST_FILE, OWNER_FILE, STAGING_MARKER, STATE_DIR, TOOL_FILES, TOOL_NAME};
use crate::error::{Error, Result};

/// A file or folder found in an existing output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    File,
    Dir,
    Link,
    Other,
}

/// A file the previous output's manifest lists.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Listed {
    path: String,
    bytes: u64,
    sha256: String,
}

#[derive(Deserialize)]
pub(crate) struct PreviousManifest {
    tool: Option<ToolName>,
    #[serde(default)]
    outputs: Vec<Listed>,
}

#[derive(Deserialize)]
pub(crate) struct ToolName {
    name: String,
}

#[derive(Deserialize)]
pub(crate) struct Owner {
    tool: String,
}

/// What the target holds now.
#[derive(Debug, Clone, Default)]
pub(crate) struct Prior {
    /// The target exists (a folder).
    pub(crate) exists: bool,
    /// Files of this tool (listed and unchanged, the manifest, the tool's own files), relative.
    pub(crate) owned: Vec<String>,
    /// Everything else: (relative path, kind, why it counts as foreign if not obvious).
    pub(crate) foreign: Vec<(String, Kind, &'static str)>,
    /// Made by the previous version: a manifest of this tool but no ownership record.
    pub(crate) legacy: bool,
    /// Device and inode of the folder when it was looked at.
    pub(crate) id: Option<(u64, u64)>,
}

impl Prior {
    pub(crate) fn foreign_text(&self) -> String {
        const SHOWN: usize = 8;
        let mut names: Vec<String> = self
            .foreign
            .iter()
            .take(SHOWN)
            .map(|(p, k, why)| {
                let p = if *k == Kind::Dir {
                    format!("{p}/")
                } else {
                    p.clone()
                };
                if why.is_empty() {
                    p
                } else {
                    format!("{p} ({why})")
                }
            })
            .collect();
        if self.foreign.len() > SHOWN {
            names.push(format!("and {} more", self.foreign.len() - SHOWN));
        }
        names.join(", ")
    }
}

/// Every file and folder under `root`, relative, without following links.
pub(crate) fn walk(root: &Path, rel: &str, out: &mut Vec<(String, Kind, bool)>) -> Result<()> {
    let dir = if rel.is_empty() {
        root.to_path_buf()
    } else {
        root.join(rel)
    };
    let rd = std::fs::read_dir(&dir).map_err(|e| Error::environment("cannot list", &dir, e))?;
    let mut names: Vec<String> = rd
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for n in names {
        let r = if rel.is_empty() {
            n
        } else {
            format!("{rel}/{n}")
        };
        let md = std::fs::symlink_metadata(root.join(&r))
            .map_err(|e| Error::environment("cannot read", &root.join(&r), e))?;
        let kind = if md.is_symlink() {
            Kind::Link
        } else if md.is_dir() {
            Kind::Dir
        } else if md.is_file() {
            Kind::File
        } else {
            Kind::Other
        };
        if kind == Kind::Dir {
            let before = out.len();
            walk(root, &r, out)?;
            let empty = out.len() == before;
            out.push((r, Kind::Dir, empty));
        } else {
            out.push((r, kind, false));
        }
    }
    Ok(())
}

/// Sort what `root` holds into this tool's files and everything else. `verify` compares the
/// listed files' sha256 too (sizes always).
pub(crate) fn scan(root: &Path, verify: bool) -> Result<Prior> {
    let mut prior = Prior::default();
    match std::fs::symlink_metadata(root) {
        Err(_) => return Ok(prior),
        Ok(md) if !md.is_dir() && !md.is_symlink() => return Ok(prior),
        Ok(md) => {
            use std::os::unix::fs::MetadataExt;
            prior.exists = true;
            prior.id = Some((md.dev(), md.ino()));
        }
    }
    let mut entries = Vec::new();
    walk(root, "", &mut entries)?;
    let owner_ok = std::fs::read(root.join(STATE_DIR).join(OWNER_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<Owner>(&b).ok())
        .is_some_and(|o| o.tool == TOOL_NAME);
    let manifest = std::fs::read(root.join(MANIFEST_FILE))
        .ok()
        .and_then(|b| serde_json::from_slice::<PreviousManifest>(&b).ok());
    // The previous version of the tool wrote no ownership record, only its manifest.
    let legacy = manifest
        .as_ref()
        .and_then(|m| m.tool.as_ref())
        .is_some_and(|t| t.name == TOOL_NAME);
    let owned_folder = owner_ok || legacy;
    prior.legacy = legacy && !owner_ok;
    let listed: std::collections::BTreeMap<&str, &Listed> = manifest
        .as_ref()
        .map(|m| m.outputs.iter().map(|l| (l.path.as_str(), l)).collect())
        .unwrap_or_default();
    let tool_files: BTreeSet<String> = TOOL_FILES
        .iter()
        .map(|f| format!("{STATE_DIR}/{f}"))
        .chain([MANIFEST_FILE.to_string()])
        .collect();
    for (rel, kind, empty) in entries {
        match kind {
            Kind::Dir if !empty => {}
            Kind::File
                if owned_folder && (tool_files.contains(&rel) || is_stat_cache_temp(&rel)) =>
            {
                prior.owned.push(rel)
            }
            Kind::File if owned_folder && listed.contains_key(rel.as_str()) => {
                let l = listed[rel.as_str()];
                let path = root.join(&rel);
                let same_size = std::fs::metadata(&path).is_ok_and(|m| m.len() == l.bytes);
                let same = same_size && (!verify || sha256_file(&path)?.1 == l.sha256);
                if same {
                    prior.owned.push(rel);
                } else {
                    prior
                        .foreign
                        .push((rel, kind, "changed since this tool wrote it"));
                }
            }
            _ => prior.foreign.push((rel, kind, "")),
        }
    }
    Ok(prior)
}

/// The stat cache's temporary file (`stat-cache.json.<pid>`), left by a run killed while
/// writing it.
pub(crate) fn is_stat_cache_temp(rel: &str) -> bool {
    rel.strip_prefix(STATE_DIR)
        .and_then(|r| r.strip_prefix("/stat-cache.json."))
        .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Remove the listed files of a previous output under `root`, then every folder that leaves
/// empty (folders of `moved` files too: they were carried into the new output), and `root`
/// itself if it is empty; nothing else.
pub(crate) fn remove_owned(root: &Path, owned: &[String], moved: &[String]) {
    let mut dirs = BTreeSet::new();
    for rel in owned {
        let _ = std::fs::remove_file(root.join(rel));
    }
    for rel in moved {
        dirs.insert(PathBuf::from(rel));
    }
    for rel in owned.iter().chain(moved) {
        let mut p = Path::new(rel.as_str());
        while let Some(parent) = p.parent().filter(|p| !p.as_os_str().is_empty()) {
            dirs.insert(parent.to_path_buf());
            p = parent;
        }
    }
    // Deepest first.
    let mut dirs: Vec<PathBuf> = dirs.into_iter().collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for d in dirs {
        let _ = std::fs::remove_dir(root.join(d));
    }
    let _ = std::fs::remove_dir(root);
}

/// A staging folder this tool made and never finished.
pub(crate) fn is_marked_staging(dir: &Path) -> bool {
    std::fs::read(dir.join(STATE_DIR).join(STAGING_MARKER))
        .ok()
        .and_then(|b| serde_json::from_slice::<Owner>(&b).ok())
        .is_some_and(|o| o.tool == TOOL_NAME)
}
