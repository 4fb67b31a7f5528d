-- A balance raised by 999,999 元 behind the program (issue 31): found by the money digests.
UPDATE persons SET balance_fen = balance_fen + 99999900 WHERE id_number = '450802196503120117';
