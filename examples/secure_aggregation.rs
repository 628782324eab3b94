//! Secure aggregation: 120 input machines each share one value among 3 compute machines,
//! which add up what they received and reveal the sum only if enough inputs arrived.
//!
//! The input machines hold no shares (`share_among`), so they can go home once they have
//! sent. The second run shares with Shamir's scheme (any 2 of the 3 compute machines
//! suffice) and one compute machine drops out before the sum is revealed.
//!
//! Run with `cargo run --example secure_aggregation`.

use tinyspdz::prelude::*;

/// How many inputs must arrive before the sum may be revealed.
const MINIMUM: usize = 100;

/// Runs one aggregation; `threshold` picks Shamir sharing, `None` additive.
fn aggregate(seed: u64, threshold: Option<usize>, dropout: bool) -> Result<(), Error> {
    let sim = Simulation::builder().seed(seed).views(Views::All).build();
    let servers = [sim.machine("s1"), sim.machine("s2"), sim.machine("s3")];
    let holders: Vec<&VirtualMachine> = servers.iter().collect();

    // ANCHOR: inputs
    // Each input machine shares its value among the servers and keeps nothing.
    let inputs: Vec<SharedScalar> = (0..120)
        .map(|i| {
            let client = sim.machine(format!("client{i}"));
            let value = PrivateScalar::new(1_000 + 17 * i, &client);
            match threshold {
                Some(t) => value.share_threshold(&holders, t),
                None => value.share_among(&holders),
            }
        })
        .collect();
    // ANCHOR_END: inputs
    let expected: i64 = (0..120).map(|i| 1_000 + 17 * i).sum();

    // ANCHOR: reduce
    // The servers add up what they received: no communication at all.
    let total: SharedScalar = inputs.iter().sum();
    if dropout {
        servers[2].go_offline();
        println!("s3 dropped out before the sum was revealed");
    }
    // The count of inputs is public; the sum is revealed only above the minimum.
    let revealed = if inputs.len() >= MINIMUM {
        Some(total.open()?)
    } else {
        None
    };
    // ANCHOR_END: reduce
    match revealed {
        Some(sum) => {
            println!("{} inputs arrived; their sum is {sum}", inputs.len());
            assert_eq!(sum, expected);
        }
        None => println!("only {} inputs arrived: the sum stays secret", inputs.len()),
    }

    let client7 = sim
        .machines()
        .into_iter()
        .find(|m| m.name() == "client7")
        .expect("exists");
    println!(
        "client7 holds {} value(s); it received only its input mask",
        client7.holdings().len()
    );
    let mut seen = std::collections::BTreeMap::new();
    for m in servers[0].view().messages {
        *seen.entry(m.step.to_string()).or_insert(0) += 1;
    }
    println!("s1 saw (step: count): {seen:?}");
    println!("costs: {}", sim.stats());
    Ok(())
}

fn main() -> Result<(), Error> {
    println!("== additive sharing among 3 servers, all online");
    aggregate(1, None, false)?;
    println!("\n== Shamir 1-of-3 (any 2 servers suffice), one server drops out");
    aggregate(2, Some(1), true)?;
    Ok(())
}
