//! Outputs and views: `open` reveals a value to every holder (each adds up the shares it
//! received), `reconstruct` to a machine that holds no share (and what it hears, with
//! MACs and without), one share per holder, `share_among` leaving the owner without a
//! share, and bounded views keeping the last messages, oldest first.

use num_bigint::BigInt;
use tinyspdz::prelude::*;
use tinyspdz::{Sender, Step};

mod common;

use common::{parties, share};

#[test]
fn open_reveals_the_value_to_every_holder() -> Result<(), Error> {
    let sim = Simulation::with_seed(60);
    let ms = parties(&sim, 3);
    let x = share(-4242, &ms[0], &ms);
    let y = share(17, &ms[2], &ms);
    let z = &x * &y + 1;
    let opened = z.open()?;
    let want = -4242 * 17 + 1;
    assert_eq!(opened, want);
    assert_eq!(opened.value(), BigInt::from(want));
    assert_eq!(opened.field_value(), F127::from_i64(want));

    // Each holder received every other holder's share, and with its own they add up.
    let (holders, shares) = (z.holders(), z.shares());
    assert_eq!(holders.len(), 3);
    for (i, m) in holders.iter().enumerate() {
        let view = m.view();
        let received: Vec<F127> = view
            .messages
            .iter()
            .filter(|msg| msg.step == Step::Open && msg.about == z.number())
            .map(|msg| msg.value)
            .collect();
        assert_eq!(received.len(), 2, "{} receives two shares", m.name());
        let total = received.iter().fold(shares[i], |acc, v| acc + v);
        assert_eq!(
            total,
            F127::from_i64(want),
            "{} computes the opened value",
            m.name()
        );
    }
    Ok(())
}

#[test]
fn reconstruct_to_a_machine_that_holds_no_share() -> Result<(), Error> {
    for macs in [false, true] {
        let builder = Simulation::builder().seed(61);
        let sim = if macs {
            builder.build()
        } else {
            builder.semi_honest().build()
        };
        let ms = parties(&sim, 3);
        let dave = sim.machine("dave");
        let x = share(123_456_789, &ms[1], &ms);
        let r = x.reconstruct(&dave)?;
        assert_eq!(r, 123_456_789);
        assert_eq!(r.owner(), &dave);
        let listing = dave.to_string();
        assert!(
            listing.contains("PrivateScalar(123456789, 'dave')"),
            "{listing}"
        );

        // Dave hears from every holder, and can compute the value from his view alone.
        let view = dave.view();
        let about_x = |step: Step| -> Vec<F127> {
            let msgs = view.messages.iter();
            let about = msgs.filter(|m| m.step == step && m.about == x.number());
            about.map(|m| m.value).collect()
        };
        let received = about_x(Step::Reconstruct);
        assert_eq!(received.len(), 3, "every holder sends dave a message");
        let from: Vec<Sender> = view.messages.iter().map(|m| m.from.clone()).collect();
        for m in &ms {
            assert!(from.contains(&Sender::Machine(m.name().to_string())));
        }
        let computed = if macs {
            // x − r from every holder, and the mask r from the dealer.
            assert!(
                received.iter().all(|v| *v == received[0]),
                "one opened x − r"
            );
            let mask = about_x(Step::OutputMask);
            assert_eq!(mask.len(), 1, "dave alone learns the mask");
            received[0] + mask[0]
        } else {
            // Every holder's share.
            received.iter().fold(F127::from(0u64), |acc, v| acc + v)
        };
        assert_eq!(computed, F127::from(123_456_789u64), "macs {macs}");
        if !macs {
            for m in &ms {
                let steps: Vec<Step> = m.view().messages.iter().map(|m| m.step).collect();
                assert!(
                    !steps.contains(&Step::Reconstruct),
                    "{}: {steps:?}",
                    m.name()
                );
            }
        }
    }
    Ok(())
}

#[test]
fn shares_are_one_per_holder() {
    for macs in [false, true] {
        for n in 2..=4 {
            let builder = Simulation::builder().seed(63);
            let sim = if macs {
                builder.build()
            } else {
                builder.semi_honest().build()
            };
            let ms = parties(&sim, n);
            let x = share(-5, &ms[0], &ms);
            let y = &x * &x + 1;
            for v in [&x, &y] {
                let shares = v.shares();
                assert_eq!(
                    shares.len(),
                    n,
                    "macs {macs}: one share per holder: {shares:?}"
                );
                assert_eq!(v.holders().len(), n);
                let total = shares.iter().fold(F127::from(0u64), |acc, s| acc + s);
                let want = if std::ptr::eq(v, &x) { -5 } else { 26 };
                assert_eq!(total, F127::from_i64(want), "macs {macs}: shares add up");
            }
        }
    }
}

#[test]
fn share_among_leaves_the_owner_without_a_share() -> Result<(), Error> {
    let sim = Simulation::with_seed(62);
    let owner = sim.machine("owner");
    let bob = sim.machine("bob");
    let charlie = sim.machine("charlie");
    let secret = PrivateScalar::new(-31_337, &owner);
    let x = secret.share_among(&[&bob, &charlie]);

    assert_eq!(x.holders(), vec![bob.clone(), charlie.clone()]);
    let n = x.number();
    let listing = owner.to_string();
    assert!(
        !listing.contains("share among"),
        "owner holds no share:\n{listing}"
    );
    assert!(
        !listing.contains(&format!("#{n} ")),
        "owner holds no share:\n{listing}"
    );
    assert!(
        listing.contains("PrivateScalar(-31337, 'owner')"),
        "{listing}"
    );
    assert!(
        bob.to_string()
            .contains(&format!("#{n} share among (bob, charlie)"))
    );
    assert!(
        charlie
            .to_string()
            .contains(&format!("#{n} share among (bob, charlie)"))
    );
    let shown = x.to_string();
    assert!(!shown.contains("owner"), "{shown}");
    assert!(
        shown.contains("bob") && shown.contains("charlie"),
        "{shown}"
    );

    assert_eq!(x.reconstruct(&owner)?, -31_337);
    assert_eq!(x.reconstruct(&bob)?, -31_337);
    // Computing on it works as usual among the holders.
    let y = PrivateScalar::new(3, &owner).share_among(&[&charlie, &bob]);
    assert_eq!((&x * &y).reconstruct(&owner)?, -31_337 * 3);
    Ok(())
}

#[test]
fn views_keep_the_last_messages_oldest_first() -> Result<(), Error> {
    let run = |views: Views| -> Result<tinyspdz::View<F127>, Error> {
        let sim = Simulation::builder().seed(5).views(views).build();
        let ms = parties(&sim, 2);
        let x = share(3, &ms[0], &ms);
        for _ in 0..20 {
            let _ = &x * &x;
        }
        Ok(ms[1].view())
    };
    let all = run(Views::All)?;
    let last = run(Views::Last(7))?;
    let none = run(Views::Last(0))?;
    let total = all.messages.len();
    assert!(total > 7);
    assert_eq!(last.forgotten as usize, total - 7);
    let tail: Vec<_> = all.messages[total - 7..]
        .iter()
        .map(|m| (m.step, m.value))
        .collect();
    let kept: Vec<_> = last.messages.iter().map(|m| (m.step, m.value)).collect();
    assert_eq!(kept, tail);
    assert!(none.messages.is_empty());
    assert_eq!(none.forgotten as usize, total);
    Ok(())
}

/// Outputs read as machine numbers: `to_i64`, `to_i128`, `to_f64`, and `DoesNotFit` for a
/// value too wide for an `i64`.
#[test]
fn outputs_read_as_i64_i128_and_f64() -> Result<(), Error> {
    let sim = Simulation::with_seed(61);
    let [alice, bob] = sim.new_machines(["alice", "bob"]);
    let x = PrivateScalar::new(-1_234_567, &alice).share(&[&bob]);
    let opened = x.open()?;
    assert_eq!(opened.to_i64()?, -1_234_567);
    assert_eq!(opened.to_i128()?, -1_234_567);
    assert_eq!(opened.to_f64(), -1_234_567.0);
    let mine = x.reconstruct(&alice)?;
    assert_eq!((mine.to_i64()?, mine.to_i128()?), (-1_234_567, -1_234_567));
    let wide = i128::from(i64::MAX) * 3;
    let big = PrivateScalar::new(wide, &alice).share(&[&bob]).open()?;
    assert_eq!(big.to_i128()?, wide);
    assert_eq!(
        big.to_i64(),
        Err(Error::DoesNotFit {
            value: wide.to_string(),
            target: "i64",
        })
    );
    assert!(
        big.to_i64()
            .unwrap_err()
            .to_string()
            .contains("does not fit i64")
    );
    Ok(())
}
