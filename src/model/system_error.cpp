#include "model/system_error.hpp"

#include <cerrno>
#include <cstring>

namespace ahaki {

Text system_error_text(int e) {
    const char* ja = nullptr;
    switch (e) {
        case ENOENT: ja = "ファイルまたはディレクトリがありません"; break;
        case EACCES: ja = "アクセスが許可されていません"; break;
        case EPERM: ja = "操作が許可されていません"; break;
        case ENOSPC: ja = "デバイスに空き容量がありません"; break;
        case EDQUOT: ja = "ディスク使用量の上限を超えました"; break;
        case EFBIG: ja = "ファイルが大きすぎます"; break;
        case EISDIR: ja = "ディレクトリです"; break;
        case ENOTDIR: ja = "パスの途中がディレクトリではありません"; break;
        case EROFS: ja = "読み込み専用のファイルシステムです"; break;
        case EEXIST: ja = "既に存在します"; break;
        case ENAMETOOLONG: ja = "名前が長すぎます"; break;
        case ELOOP: ja = "シンボリックリンクが多すぎます（循環しています）"; break;
        case EIO: ja = "入出力エラー"; break;
        case ENXIO: ja = "デバイスがありません（読み手のいない FIFO など）"; break;
        case ENODEV: ja = "デバイスがありません"; break;
        case EBUSY: ja = "使用中です"; break;
        case ETXTBSY: ja = "実行中のファイルです"; break;
        case EXDEV: ja = "別のファイルシステムです"; break;
        case EMFILE: case ENFILE: ja = "開いているファイルが多すぎます"; break;
        case ENOMEM: ja = "メモリが足りません"; break;
        case EPIPE: ja = "読み手が閉じたパイプです"; break;
        case EINVAL: ja = "引数が正しくありません"; break;
        case EAGAIN: ja = "一時的に使えません"; break;
        case EINTR: ja = "割り込まれました"; break;
        case EBADF: ja = "ファイル記述子が正しくありません"; break;
        case ENOTEMPTY: ja = "ディレクトリが空ではありません"; break;
        case ESTALE: ja = "ファイルのハンドルが無効です（NFS）"; break;
        default: break;
    }
    const std::string en = std::strerror(e);
    if (ja) return Text{ja, en};
    return Text{en + "（errno " + std::to_string(e) + "）", en + " (errno " + std::to_string(e) + ")"};
}

}  // namespace ahaki
