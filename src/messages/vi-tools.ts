// Những gì `bantin import` và `bantin dev` nói, bằng tiếng Việt. Cùng các mã với en-tools.ts.
import type { enTools } from './en-tools.js';

export const viTools: { readonly [Id in keyof typeof enTools]: (typeof enTools)[Id] } = {
  'import.noTitle': () => 'Không tìm thấy tiêu đề: bản tin không có chữ nào sau ngày đăng. Đây có phải là một trang của cổng thông tin không?',
  'import.noDate': () => 'Không tìm thấy ngày đăng phía trên tiêu đề. Cổng thông tin ghi ngày dạng dd/mm/yyyy (08/09/2020); hãy thêm ngày vào dòng phía trên tiêu đề.',
  'import.noBody': () => 'Bản tin không có nội dung sau tiêu đề và sapo.',
  'import.noAuthor': () =>
    'Chưa có tác giả: dòng cuối là nội dung, không phải tên tác giả, và bantin.yaml chưa có defaultAuthor. ' +
    'Hãy thêm tên tác giả vào dòng cuối, hoặc đặt defaultAuthor trong bantin.yaml, rồi nhập lại.',
  'import.noText': () => 'Tệp không có chữ nào để nhập.',
  'import.writeFailed': (p) => `Không ghi được bài (${p.code}: ${p.detail}); chưa ghi phần nào của bài.`,
  'import.sayWhich': () => 'Hãy cho biết tệp hoặc thư mục cần nhập.',
  'import.absent': (p) => `Không có tệp hay thư mục "${p.path}".`,
  'import.usage': (p) => `bantin import: ${p.mistake}\nChạy "bantin import --help" để xem các tùy chọn.`,
  'import.imported': () => 'đã nhập',
  'import.wouldImport': () => 'sẽ nhập',
  'import.present': () => 'đã có',
  'import.skipped': () => 'bỏ qua',
  'import.summary': (p) => `Từ ${p.files} tệp: đã nhập ${p.imported} bài, ${p.present} bài đã có, ${p.skipped} bài bỏ qua.`,
  'import.summaryDry': (p) =>
    `Từ ${p.files} tệp: sẽ nhập ${p.imported} bài, ${p.present} bài đã có, ${p.skipped} bài bỏ qua. Chưa ghi gì cả (--dry-run).`,

  'dev.rebuilt': (p) => `Đã dựng lại trong ${p.ms} ms: ${p.count} tệp thay đổi.`,
  'dev.fixed': (p) => `Đã dựng trong ${p.ms} ms: các lỗi đã được sửa, bản xem trước hiện trang.`,
  'dev.serving': (p) => `Có ${p.count} lỗi; vẫn đang phục vụ bản dựng tốt gần nhất. Hãy sửa tệp và lưu lại: trang sẽ tự tải lại.`,
  'dev.nothingYet': (p) =>
    `Có ${p.count} lỗi; chưa có bản dựng tốt nào để phục vụ, nên trang nào cũng hiện các lỗi này. Hãy sửa tệp và lưu lại: trang sẽ tự tải lại.`,
  'dev.port': (p) => `bantin dev: --port phải là một số từ 0 đến 65535, không phải "${p.value}".`,
  'dev.started': (p) =>
    `Xem trước tại ${p.url} (hiện cả bản nháp; theo dõi ${p.file}, bài viết, mẫu giao diện và tệp tĩnh). Nhấn Ctrl-C để dừng.`,
  'dev.stopped': () => 'Đã dừng.',
  'dev.overlayTitle': (p) => `bantin: trang có ${p.count} lỗi`,
  'dev.overlayHint': () => 'Sửa tệp và lưu lại: trang sẽ tự tải lại.',
};
