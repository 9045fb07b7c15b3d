use std::str::FromStr;

use super::*;

fn at(day: i64) -> UtcTimestamp {
    UtcTimestamp::from_unix_seconds(1_767_225_600 + day * 86_400).expect("a day")
}

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).expect("a decimal")
}

/// `whole` tokens of 18 decimals, in base units.
fn tokens(whole: u64) -> U256 {
    U256::from(whole) * U256::from(10u64).pow(U256::from(18u64))
}

fn bought(id: &str, asset: &str, quantity: U256, cost: &str, day: i64) -> Acquisition {
    Acquisition {
        id: id.to_owned(),
        asset: asset.to_owned(),
        quantity,
        cost: dec(cost),
        at: at(day),
    }
}

fn sold(id: &str, asset: &str, quantity: U256, proceeds: &str, fee: &str, day: i64) -> Disposal {
    Disposal {
        id: id.to_owned(),
        asset: asset.to_owned(),
        quantity,
        proceeds: dec(proceeds),
        fee: dec(fee),
        at: at(day),
    }
}

fn parts(realized: &Realized) -> Vec<(&str, U256, Decimal)> {
    realized
        .parts
        .iter()
        .map(|p| (p.lot.as_str(), p.quantity, p.cost))
        .collect()
}

#[test]
fn a_sale_takes_the_oldest_lots_first_and_a_partial_lot_keeps_the_rest_of_its_cost() {
    // A contribution paid 3,000 for 1,000 tokens; a vested tranche of 500 more came
    // with 1,500 of that cost plus a 12.50 claim fee; then 1,200 are sold for 6,000 less
    // a 30 fee.
    let basis = fifo(
        &[
            bought("distribution-1", "AUR", tokens(1000), "3000", 1),
            bought("tranche-2", "AUR", tokens(500), "1512.50", 30),
        ],
        &[sold("trade-7", "AUR", tokens(1200), "6000", "30", 40)],
    )
    .expect("matched");
    let sale = &basis.realized[0];
    assert_eq!(
        parts(sale),
        [
            ("distribution-1", tokens(1000), dec("3000")),
            ("tranche-2", tokens(200), dec("605")),
        ]
    );
    assert_eq!(sale.cost, dec("3605"));
    assert_eq!(sale.net_proceeds, dec("5970"));
    assert_eq!(sale.gain, dec("2365"));
    assert_eq!(
        basis.open,
        [OpenLot {
            lot: "tranche-2".to_owned(),
            asset: "AUR".to_owned(),
            quantity: tokens(300),
            cost: dec("907.50"),
            acquired_at: at(30),
        }]
    );
    assert_eq!(basis.held("aur"), (tokens(300), dec("907.50")));
    // 300 tokens at 2.50 are worth 750: 157.50 under what they cost.
    assert_eq!(
        basis.unrealized_gain("AUR", 18, dec("2.50")),
        Some(dec("-157.50"))
    );
    assert_eq!(basis.realized_gain(Some("AUR")), dec("2365"));
}

#[test]
fn the_parts_of_a_lot_add_up_to_its_cost_exactly_whatever_the_thirds() {
    // 100 cost for 3 base units, sold one at a time: 33.33… each, the last the rest.
    let basis = fifo(
        &[bought("lot", "X", U256::from(3u64), "100", 1)],
        &[
            sold("a", "X", U256::from(1u64), "40", "0", 2),
            sold("b", "X", U256::from(1u64), "40", "0", 3),
            sold("c", "X", U256::from(1u64), "40", "0", 4),
        ],
    )
    .expect("matched");
    let costs: Vec<Decimal> = basis.realized.iter().map(|r| r.cost).collect();
    assert_eq!(costs.iter().copied().sum::<Decimal>(), dec("100"));
    assert_ne!(costs[0], costs[2], "the last part carries the rounding");
    assert_eq!(basis.realized_gain(None), dec("20"));
    assert!(basis.open.is_empty());
}

#[test]
fn assets_are_matched_apart_and_same_moment_acquisitions_come_first() {
    let basis = fifo(
        &[
            bought("eth-lot", "ETH", tokens(2), "6000", 1),
            bought("aur-lot", "AUR", tokens(10), "5", 5),
        ],
        &[
            // Sold the moment it arrived: the acquisition counts first.
            sold("aur-sale", "AUR", tokens(10), "4", "0", 5),
            sold("eth-sale", "eth", tokens(1), "3500", "5", 6),
        ],
    )
    .expect("matched");
    assert_eq!(basis.realized[0].gain, dec("-1"));
    assert_eq!(basis.realized[1].gain, dec("495"));
    assert_eq!(basis.realized_gain(Some("ETH")), dec("495"));
    assert_eq!(basis.realized_gain(None), dec("494"));
    assert_eq!(basis.held("ETH"), (tokens(1), dec("3000")));
    assert_eq!(basis.held("AUR"), (U256::ZERO, Decimal::ZERO));
}

#[test]
fn giving_away_more_than_was_held_then_is_refused_with_the_shortfall() {
    let error = fifo(
        &[
            bought("early", "AUR", tokens(10), "10", 1),
            bought("late", "AUR", tokens(10), "10", 9),
        ],
        &[sold("too-soon", "AUR", tokens(15), "30", "0", 5)],
    )
    .expect_err("only 10 held on day 5");
    assert_eq!(
        error,
        CostBasisError::Oversold {
            disposal: "too-soon".to_owned(),
            asset: "AUR".to_owned(),
            short_by: tokens(5),
        }
    );
    assert_eq!(
        fifo(&[], &[sold("nothing", "AUR", U256::ZERO, "0", "0", 1)]),
        Err(CostBasisError::Empty {
            id: "nothing".to_owned()
        })
    );
    assert_eq!(
        fifo(&[bought("empty", "AUR", U256::ZERO, "1", 1)], &[]),
        Err(CostBasisError::Empty {
            id: "empty".to_owned()
        })
    );
}

#[test]
fn a_value_that_does_not_fit_is_said_not_guessed() {
    let huge = U256::MAX;
    let basis = fifo(&[bought("whale", "AUR", huge, "1", 1)], &[]).expect("held");
    assert_eq!(basis.unrealized_gain("AUR", 0, dec("2")), None);
    let error = fifo(
        &[bought("whale", "AUR", huge, "1", 1)],
        &[sold("part", "AUR", U256::from(1u64), "1", "0", 2)],
    )
    .expect_err("a share of an uncountable lot");
    assert_eq!(
        error,
        CostBasisError::TooLarge {
            id: "part".to_owned()
        }
    );
}
