// Printing a dashboard page: the menu, header and controls are left out, cards do not split
// across pages and charts keep their size. Rendered by each dashboard page.
const PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  .ant-layout-sider, .ant-layout-header, .kp-no-print { display: none !important; }
  .ant-layout, .ant-layout-content { background: #fff !important; padding: 0 !important; }
  .ant-card { break-inside: avoid; box-shadow: none !important; }
  .ant-table-pagination { display: none !important; }
  body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export function PrintStyle() {
  return <style>{PRINT_CSS}</style>;
}
