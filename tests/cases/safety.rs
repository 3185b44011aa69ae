//! Safety of the output folder: atomic replacement, the lock, recovery after a kill.

use crate::util::{TestDir, code, newsmine, run_in, stderr, table_bytes};
use std::time::{Duration, Instant};

#[test]
fn lock_refuses_a_second_run() {
    let t = TestDir::new();
    t.write("in/a.txt", "The council met.");
    std::fs::create_dir_all(t.join("out")).unwrap();
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(t.join("out/.newsmine.lock"))
        .unwrap();
    lock.try_lock().expect("take the lock as another run would");
    let out = run_in(t.path(), &["run", "in", "-o", "out"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("another newsmine run"),
        "{}",
        stderr(&out)
    );
    assert!(!t.join("out/articles.csv").exists());
    drop(lock);
    let out = run_in(t.path(), &["run", "in", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_run_killed_midway_leaves_previous_tables_and_the_next_run_succeeds() {
    let t = TestDir::new();
    t.write(
        "small/a.txt",
        "Headline\n\nThe council met in Leeds on Monday.\n",
    );
    let out = run_in(t.path(), &["run", "small", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let before = table_bytes(&t.join("out"));

    // A corpus big enough that the run is still busy when it is killed.
    let line = format!(
        "{{\"text\":\"{}\"}}\n",
        "The minister said on Monday that the council in Leeds would meet again. ".repeat(40)
    );
    for f in 0..6 {
        t.write(&format!("big/feed{f}.jsonl"), line.repeat(2000));
    }
    let mut child = newsmine()
        .current_dir(t.path())
        .args(["run", "big", "-o", "out", "-q", "--threads", "1"])
        .spawn()
        .unwrap();
    // Wait until the run has started writing its temporary tables, then kill it.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let started = std::fs::read_dir(t.join("out"))
            .unwrap()
            .flatten()
            .any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".newsmine-tmp-")
            });
        if started || Instant::now() > deadline {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_millis(50));
    let finished_early = child.try_wait().unwrap().is_some();
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(
        !finished_early,
        "the run finished before it could be killed; enlarge the corpus"
    );
    assert!(
        table_bytes(&t.join("out")) == before,
        "previous tables intact"
    );

    let out = run_in(t.path(), &["run", "small", "-o", "out", "-q"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(table_bytes(&t.join("out")) == before);
    let leftovers: Vec<String> = std::fs::read_dir(t.join("out"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".newsmine-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
