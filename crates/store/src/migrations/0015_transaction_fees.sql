-- What a mined transaction cost its sender in network fees (gas used × effective gas
-- price, in wei), from its receipt; NULL until it is mined. A confirmed contribution's
-- fee is part of what its tokens cost.
ALTER TABLE transactions ADD COLUMN fee_wei TEXT
    CHECK (fee_wei IS NULL OR (fee_wei NOT GLOB '*[^0-9]*' AND fee_wei != ''));
