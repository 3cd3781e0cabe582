use super::*;

#[test]
fn resolve_makes_every_spelling_of_a_folder_the_same() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::os::unix::fs::symlink(&data, tmp.path().join("link")).unwrap();
    let real = std::fs::canonicalize(&data).unwrap();
    for p in [
        "data",
        "data/.",
        "data/../data",
        "data/",
        "link",
        "x/../data",
    ] {
        assert_eq!(resolve(&tmp.path().join(p)).unwrap(), real, "{p}");
    }
    assert_eq!(
        resolve(&tmp.path().join("new/../data/sub")).unwrap(),
        real.join("sub")
    );
}

#[test]
fn remove_owned_leaves_everything_not_listed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("old");
    std::fs::create_dir_all(root.join("a/b")).unwrap();
    std::fs::write(root.join("a/b/listed"), b"x").unwrap();
    std::fs::write(root.join("a/mine"), b"y").unwrap();
    remove_owned(&root, &["a/b/listed".to_string()], &[]);
    assert!(!root.join("a/b").exists());
    assert_eq!(std::fs::read(root.join("a/mine")).unwrap(), b"y");
}
