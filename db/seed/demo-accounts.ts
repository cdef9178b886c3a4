import type { Role } from '../schema';

export const DEMO_PASSWORD = 'linli-demo-2026';

export interface DemoAccount {
  role: Role;
  name: string;
  email: string;
  mobile?: string;
  /** Staff: the communities they look after. Resident: their home community (the only entry). */
  communityCodes?: readonly string[];
}

// Codes follow db/seed/communities.ts: real names come first in their town, 社区 from 001, 村 from 201.
const HUMEN_SHUTIAN = '441900121001';
const GUANCHENG_XIYU = '441900006001';
const DONGCHENG_QIANTOU = '441900003014';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: 'admin', name: '市社工委管理员', email: 'admin@linli.demo' },
  { role: 'auditor', name: '林审', email: 'auditor@linli.demo' },
  {
    role: 'staff',
    name: '陈敏',
    email: 'staff@linli.demo',
    // 虎门 树田社区, 怀德社区, 路东社区 and 东城 岗贝社区.
    communityCodes: [HUMEN_SHUTIAN, '441900121002', '441900121003', '441900003001'],
  },
  { role: 'resident', name: '王芳', email: 'resident@linli.demo', mobile: '13800138000', communityCodes: [HUMEN_SHUTIAN] },
  { role: 'staff', name: '何丽', email: 'staff2@linli.demo', communityCodes: [GUANCHENG_XIYU] },
  { role: 'staff', name: '梁志强', email: 'staff3@linli.demo', communityCodes: [DONGCHENG_QIANTOU] },
  // 常平 and 长安: the first urban community and the first village of each.
  { role: 'staff', name: '钟小燕', email: 'staff4@linli.demo', communityCodes: ['441900110001', '441900110201'] },
  { role: 'staff', name: '叶伟', email: 'staff5@linli.demo', communityCodes: ['441900119001', '441900119201'] },
];
