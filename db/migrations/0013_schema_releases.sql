-- Which release of the program brought the schema to its version, and when (UTC): an agency's
-- support sees each upgrade of a database, and since when its windows ran a release.
CREATE TABLE schema_releases (
    at              VARCHAR(32) NOT NULL,
    program_release VARCHAR(32) NOT NULL,
    from_version    INTEGER     NOT NULL,
    to_version      INTEGER     NOT NULL,
    PRIMARY KEY (at, program_release)
);
