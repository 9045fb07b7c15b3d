//! Token deliveries found in the chain's logs, wherever they happened: the sale token's
//! ERC-20 transfers to the user's accounts, asked of the node in block ranges that
//! halve when it refuses one as too large (public nodes limit `eth_getLogs`), and told
//! apart — what came from the sale (its contract, one of its actions' contracts, or a
//! mint) is a distribution; what came from anyone else (a DEX, another person) is not,
//! unless the user says so.

use alloy_primitives::Address;

/// The block ranges of a scan from `next` to `last`, as wide as the node allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRanges {
    next: u64,
    last: u64,
    width: u64,
}

/// The node refused a range of a single block: halving cannot help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RangeRefused {
    pub block: u64,
}

impl BlockRanges {
    /// How many blocks a scan asks for at first: what common public nodes allow.
    pub const FIRST_WIDTH: u64 = 10_000;

    /// The blocks from `first` to `last`, both included (none when `first > last`).
    pub fn new(first: u64, last: u64, width: u64) -> Self {
        Self {
            next: first,
            last,
            width: width.max(1),
        }
    }

    /// The next range to ask for, both ends included; none once every block was read.
    pub fn next_range(&self) -> Option<(u64, u64)> {
        (self.next <= self.last).then(|| {
            let to = self.next.saturating_add(self.width - 1).min(self.last);
            (self.next, to)
        })
    }

    /// The range up to `to` was read.
    pub fn read_up_to(&mut self, to: u64) {
        self.next = to.saturating_add(1).max(self.next);
    }

    /// The node refused the current range: it is halved, and asked again.
    pub fn refused(&mut self) -> Result<(), RangeRefused> {
        if self.width == 1 {
            return Err(RangeRefused { block: self.next });
        }
        self.width /= 2;
        Ok(())
    }

    /// How many blocks a range holds now.
    pub fn width(&self) -> u64 {
        self.width
    }
}

/// Where a transfer of the sale's token to the user came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The sale: its contract, one of its actions' contracts, the token contract itself
    /// or a mint (the zero address).
    Sale,
    /// Anyone else: a DEX, an exchange, another person.
    Elsewhere,
}

/// Where a transfer `from` came from, given the sale's own contracts.
pub fn origin(from: Address, sale_contracts: &[Address]) -> Origin {
    if from == Address::ZERO || sale_contracts.contains(&from) {
        Origin::Sale
    } else {
        Origin::Elsewhere
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges_read(mut ranges: BlockRanges, refuse_wider_than: u64) -> Vec<(u64, u64)> {
        let mut read = Vec::new();
        while let Some((from, to)) = ranges.next_range() {
            if to - from + 1 > refuse_wider_than {
                ranges.refused().expect("halving helps");
                continue;
            }
            read.push((from, to));
            ranges.read_up_to(to);
        }
        read
    }

    #[test]
    fn ranges_cover_every_block_once_and_halve_until_the_node_accepts_them() {
        let read = ranges_read(BlockRanges::new(100, 5_099, 10_000), 1_000);
        assert_eq!(
            read.first(),
            Some(&(100, 724)),
            "10,000 → 5,000 → 2,500 → 1,250 → 625"
        );
        assert!(read.iter().all(|(from, to)| to - from < 1_000));
        let mut expected_from = 100;
        for (from, to) in &read {
            assert_eq!(*from, expected_from, "no gap, no overlap");
            expected_from = to + 1;
        }
        assert_eq!(expected_from, 5_100, "up to the last block");
        assert_eq!(ranges_read(BlockRanges::new(7, 7, 10_000), 1), [(7, 7)]);
        assert!(ranges_read(BlockRanges::new(8, 7, 10_000), 1).is_empty());
    }

    #[test]
    fn a_single_block_refused_is_an_error_not_a_loop() {
        let mut ranges = BlockRanges::new(50, 60, 2);
        assert_eq!(ranges.refused(), Ok(()));
        assert_eq!(ranges.width(), 1);
        assert_eq!(ranges.refused(), Err(RangeRefused { block: 50 }));
        assert_eq!(BlockRanges::new(1, 2, 0).width(), 1, "never zero wide");
    }

    #[test]
    fn only_the_sale_its_contracts_and_a_mint_count_as_the_sale() {
        let sale = Address::repeat_byte(0x11);
        let vesting = Address::repeat_byte(0x22);
        let dex = Address::repeat_byte(0x33);
        assert_eq!(origin(sale, &[sale, vesting]), Origin::Sale);
        assert_eq!(origin(vesting, &[sale, vesting]), Origin::Sale);
        assert_eq!(origin(Address::ZERO, &[sale]), Origin::Sale);
        assert_eq!(origin(dex, &[sale, vesting]), Origin::Elsewhere);
    }
}
