use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::{Arc, Mutex, MutexGuard};

// A probe that asks the compiler whether `T: Send` and `T: Sync`.
// Method lookup tries `Probe<T>` before `&Probe<T>`, so the "yes" method wins
// whenever its bound holds, and the "no" method is the fallback.
struct Probe<T: ?Sized>(PhantomData<T>);

trait SendYes {
    fn is_send(&self) -> bool {
        true
    }
}
impl<T: ?Sized + Send> SendYes for Probe<T> {}

trait SendNo {
    fn is_send(&self) -> bool {
        false
    }
}
impl<T: ?Sized> SendNo for &Probe<T> {}

trait SyncYes {
    fn is_sync(&self) -> bool {
        true
    }
}
impl<T: ?Sized + Sync> SyncYes for Probe<T> {}

trait SyncNo {
    fn is_sync(&self) -> bool {
        false
    }
}
impl<T: ?Sized> SyncNo for &Probe<T> {}

/// Prints one row, and checks it against what we expect and against the rule
/// `T: Sync` exactly when `&T: Send`.
macro_rules! row {
    ($t:ty, send: $send:literal, sync: $sync:literal) => {{
        let send = (&Probe::<$t>(PhantomData)).is_send();
        let sync = (&Probe::<$t>(PhantomData)).is_sync();
        let ref_send = (&Probe::<&'static $t>(PhantomData)).is_send();
        let [a, b, c] = [send, sync, ref_send].map(|v| if v { "yes" } else { "no" });
        let name = stringify!($t);
        println!("{name:<26} {a:<5} {b:<5} {c}");
        assert_eq!((send, sync), ($send, $sync), "{name}");
        assert_eq!(sync, ref_send, "{name}: T: Sync must match &T: Send");
    }};
}

fn main() {
    // ANCHOR: main
    println!("{:<26} {:<5} {:<5} &T: Send", "T", "Send", "Sync");
    row!(i32, send: true, sync: true);
    row!(String, send: true, sync: true);
    row!(&'static mut String, send: true, sync: true);
    row!(*const i32, send: false, sync: false);
    row!(Rc<i32>, send: false, sync: false);
    row!(Arc<i32>, send: true, sync: true);
    row!(Cell<i32>, send: true, sync: false);
    row!(RefCell<i32>, send: true, sync: false);
    row!(Arc<Cell<i32>>, send: false, sync: false);
    row!(Mutex<i32>, send: true, sync: true);
    row!(Mutex<Cell<i32>>, send: true, sync: true);
    row!(Mutex<Rc<i32>>, send: false, sync: false);
    row!(MutexGuard<'static, i32>, send: false, sync: true);
    row!(Arc<Mutex<i32>>, send: true, sync: true);
    // ANCHOR_END: main
}
