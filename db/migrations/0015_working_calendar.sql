-- The agency's working-day calendar (domain.md §9): each day that is an exception to Monday to
-- Friday, a public holiday or a 调休 weekend day that is worked. An administrator imports it a
-- year at a time (`gongji calendar import`); time limits are counted in its working days.
CREATE TABLE calendar_days (
    day  VARCHAR(10) PRIMARY KEY,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('holiday', 'workday'))
);
