-- Long lists are read a page at a time, filtered and ordered in SQL: each order and
-- filter a list offers has its index, so a page costs the same at ten rows and at a
-- million (an index ends in the row id, which breaks ties of the same moment).
-- The price book, newest or oldest first, all of it or one asset's (one asset in one
-- currency is served by `prices_by_pair`).
CREATE INDEX prices_by_time ON prices (observed_at);
CREATE INDEX prices_by_asset ON prices (asset, observed_at);
-- The trades have no index of their own here: imports write them by the hundred
-- thousand (an index on the asset cost a quarter of the insert's time), and a list of
-- one asset's or one kind's trades walks `trades_in_order`, checking each row.
