/* wirecheck: the matrix filters (our one script, allowed by its CSP hash; the page reads
   fine without it, and the single-source toggle works with CSS alone). */
(() => {
  const form = document.getElementById("matrix-filters");
  if (!form) return;
  const rows = [...document.querySelectorAll("#matrix tr.fact")];
  const single = document.getElementById("show-single");
  const status = document.getElementById("filter-status");
  const value = (name) => form.elements[name].value;
  const apply = () => {
    const verdict = value("verdict"), outlet = value("outlet"), measure = value("measure");
    const from = value("from"), to = value("to");
    if (verdict === "single_source" && single && !single.checked) single.checked = true;
    let shown = 0;
    for (const row of rows) {
      const d = row.dataset;
      const days = d.days ? d.days.split(" ") : [];
      const ok = (!verdict || d.verdict === verdict)
        && (!outlet || JSON.parse(d.outlets || "[]").includes(outlet))
        && (!measure || d.measure === measure)
        && (!(from || to) || days.some((x) => (!from || x >= from) && (!to || x <= to)));
      row.classList.toggle("filtered", !ok);
      if (ok && (d.verdict !== "single_source" || !single || single.checked)) shown += 1;
    }
    status.textContent = `${shown} of ${rows.length} facts shown`;
  };
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  if (single) single.addEventListener("change", apply);
  apply();
})();
