// What `hashiya:fold-data` stands for where there is no build step (the unit tests): the tables
// computed from the rules and encoded, exactly as build.mjs embeds them in every bundle.
import { encodeFoldTables } from './fold-encoding';
import { computeFoldTables } from './fold-rules';

export default encodeFoldTables(computeFoldTables());
