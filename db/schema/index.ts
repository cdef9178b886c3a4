export * from './enums';
export * from './places';
export * from './accounts';
export * from './audit';
export * from './register';
export * from './compliance';
export * from './bookings';
export * from './compliance-history';
