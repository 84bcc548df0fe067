-- DAST-10 item 3 ("always able to stop using drugs when you want to?") is reverse-scored: a no (0) scores 1. Before this
-- migration the service added the answer itself; recompute the totals and bands of the DAST-10 assessments stored
-- (answers are kept as given, comma-separated, 1 = yes, 0 = no) and bump their version.
update assessment
   set total = total - split_part(answers, ',', 3)::int + (1 - split_part(answers, ',', 3)::int),
       version = version + 1
 where instrument = 'DAST10';
update assessment
   set band = case when total = 0 then 'NONE' when total <= 2 then 'LOW' when total <= 5 then 'MODERATE'
                   when total <= 8 then 'SUBSTANTIAL' else 'SEVERE' end
 where instrument = 'DAST10';
